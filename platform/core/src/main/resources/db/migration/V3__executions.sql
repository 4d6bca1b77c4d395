-- Executions (one row per run that reached a provider) and their daily analytics rollups.
CREATE TABLE executions (
    id                   uuid PRIMARY KEY,
    user_id              uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    prompt_id            uuid        REFERENCES prompts (id) ON DELETE SET NULL,
    prompt_name          text        NOT NULL,   -- snapshot: stays readable after a rename or delete
    version_number       integer     NOT NULL,
    provider             text        NOT NULL,
    model                text        NOT NULL,
    channel              text        NOT NULL CHECK (channel IN ('CONSOLE', 'API')),
    billing_type         text        NOT NULL CHECK (billing_type IN ('SYSTEM', 'BYOK')),
    status               text        NOT NULL CHECK (status IN ('SUCCEEDED', 'FAILED')),
    error_code           text,
    finish_reason        text,
    prompt_tokens        bigint      NOT NULL DEFAULT 0 CHECK (prompt_tokens >= 0),
    completion_tokens    bigint      NOT NULL DEFAULT 0 CHECK (completion_tokens >= 0),
    cost                 numeric     CHECK (cost >= 0),   -- exact USD; NULL when unknown
    cost_source          text        NOT NULL CHECK (cost_source IN ('PROVIDER', 'ESTIMATED', 'UNKNOWN')),
    latency_ms           bigint      NOT NULL CHECK (latency_ms >= 0),
    provider_request_id  text,
    variables            jsonb,
    variables_truncated  boolean     NOT NULL DEFAULT false,
    output               text        NOT NULL DEFAULT '',
    output_truncated     boolean     NOT NULL DEFAULT false,
    created_at           timestamptz NOT NULL,
    CHECK ((status = 'FAILED') = (error_code IS NOT NULL)),
    CHECK ((cost_source = 'UNKNOWN') = (cost IS NULL))
);
-- The user's newest-first list (keyset on created_at, id); other filters are applied along it.
CREATE INDEX executions_user_created_idx ON executions (user_id, created_at DESC, id DESC);
-- The same list for one prompt, the most common filter.
CREATE INDEX executions_user_prompt_created_idx ON executions (user_id, prompt_name, created_at DESC, id DESC);
-- ON DELETE SET NULL of a prompt finds its executions without a full scan.
CREATE INDEX executions_prompt_idx ON executions (prompt_id) WHERE prompt_id IS NOT NULL;

-- Analytics: one row per user, UTC day, prompt, version, model and billing type, updated in the
-- transaction that inserts the executions, so reports read a few rows per day instead of every run.
CREATE TABLE execution_rollups (
    user_id            uuid      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    day                date      NOT NULL,
    prompt_name        text      NOT NULL,
    version_number     integer   NOT NULL,
    model              text      NOT NULL,
    billing_type       text      NOT NULL CHECK (billing_type IN ('SYSTEM', 'BYOK')),
    runs               bigint    NOT NULL,
    successes          bigint    NOT NULL,
    errors             bigint    NOT NULL,
    prompt_tokens      bigint    NOT NULL,
    completion_tokens  bigint    NOT NULL,
    cost               numeric   NOT NULL,   -- exact USD, sum of the known costs
    unknown_cost_runs  bigint    NOT NULL,   -- runs whose cost is unknown (not in cost)
    latency_ms_sum     bigint    NOT NULL,
    latency_histogram  integer[] NOT NULL,   -- run counts per fixed latency bucket (see LatencyHistogram)
    PRIMARY KEY (user_id, day, prompt_name, version_number, model, billing_type)
);
