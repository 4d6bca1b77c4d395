-- Categories, prompts and their versions.
CREATE TABLE categories (
    id          uuid PRIMARY KEY,
    user_id     uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name        text        NOT NULL,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);
CREATE UNIQUE INDEX categories_user_name_uq ON categories (user_id, lower(name));

CREATE TABLE prompts (
    id           uuid PRIMARY KEY,
    user_id      uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name         text        NOT NULL CHECK (name ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    description  text        NOT NULL DEFAULT '',
    category_id  uuid        REFERENCES categories (id) ON DELETE SET NULL,
    tags         text[]      NOT NULL DEFAULT '{}',
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    UNIQUE (user_id, name)
);
CREATE INDEX prompts_user_created_idx ON prompts (user_id, created_at DESC, id DESC);
CREATE INDEX prompts_tags_idx ON prompts USING gin (tags);

CREATE TABLE prompt_versions (
    id              uuid PRIMARY KEY,
    prompt_id       uuid        NOT NULL REFERENCES prompts (id) ON DELETE CASCADE,
    number          integer     NOT NULL CHECK (number > 0),
    status          text        NOT NULL CHECK (status IN ('DRAFT', 'PRODUCTION', 'ARCHIVED')),
    messages        jsonb       NOT NULL,
    variables       jsonb       NOT NULL,
    model           text        NOT NULL,
    parameters      jsonb       NOT NULL,
    commit_message  text        NOT NULL DEFAULT '',
    author_id       uuid        REFERENCES users (id) ON DELETE SET NULL,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    UNIQUE (prompt_id, number)
);
-- At most one PRODUCTION version per prompt, whatever the application does.
CREATE UNIQUE INDEX prompt_versions_one_production_uq ON prompt_versions (prompt_id) WHERE status = 'PRODUCTION';
