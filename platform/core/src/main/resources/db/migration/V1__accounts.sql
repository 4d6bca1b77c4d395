-- Accounts, plans, API keys, daily usage and the audit log.
CREATE EXTENSION IF NOT EXISTS citext;

CREATE TABLE users (
    id             uuid PRIMARY KEY,
    email          citext      NOT NULL UNIQUE,
    display_name   text        NOT NULL,
    password_hash  text        NOT NULL,
    role           text        NOT NULL CHECK (role IN ('USER', 'ADMIN')),
    plan           text        NOT NULL CHECK (plan IN ('FREE', 'PRO')),
    disabled       boolean     NOT NULL DEFAULT false,
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL
);
CREATE INDEX users_created_idx ON users (created_at DESC, id DESC);

CREATE TABLE api_keys (
    id            uuid PRIMARY KEY,
    user_id       uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name          text        NOT NULL,
    key_hash      bytea       NOT NULL UNIQUE,   -- HMAC-SHA-256(pepper, secret); the secret is never stored
    prefix        text        NOT NULL,          -- the visible start of the key, e.g. pmk_AbCd
    last4         text        NOT NULL,
    scopes        text[]      NOT NULL,
    created_at    timestamptz NOT NULL,
    expires_at    timestamptz,
    last_used_at  timestamptz,
    revoked_at    timestamptz,
    created_by    uuid        REFERENCES users (id) ON DELETE SET NULL,
    operator_key  boolean     NOT NULL DEFAULT false  -- the operator's PM_ADMIN_API_KEY, kept in step at each start
);
CREATE INDEX api_keys_user_idx ON api_keys (user_id, created_at DESC);
CREATE UNIQUE INDEX api_keys_one_operator_key ON api_keys (operator_key) WHERE operator_key;

-- One row per user and UTC day: the exact daily execution counter of the FREE plan.
CREATE TABLE daily_usage (
    user_id     uuid    NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    day         date    NOT NULL,
    executions  integer NOT NULL DEFAULT 0,
    PRIMARY KEY (user_id, day)
);

CREATE TABLE audit_log (
    id             uuid PRIMARY KEY,
    owner_id       uuid,          -- whose object it is; the owner may read the entry
    actor_user_id  uuid,
    actor_key_id   uuid,
    action         text        NOT NULL,   -- e.g. prompt.create, version.promote, user.plan
    object_type    text        NOT NULL,
    object_id      text        NOT NULL,
    before_state   jsonb,
    after_state    jsonb,
    created_at     timestamptz NOT NULL
);
CREATE INDEX audit_owner_idx ON audit_log (owner_id, created_at DESC, id DESC);
CREATE INDEX audit_created_idx ON audit_log (created_at DESC, id DESC);
