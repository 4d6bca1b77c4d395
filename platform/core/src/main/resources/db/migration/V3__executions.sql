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

-- Analytics rollups, updated in the transaction that inserts the executions, so a report reads a
-- few hundred rows instead of every run. Three levels share the table:
--   DAY        one row per user, UTC day, prompt, version, model and billing type;
--   MONTH      the same per calendar month (day = the 1st), so long ranges read 12 rows a year per key;
--   DAY_TOTAL  one row per user and day over everything (prompt_name = '', version_number = 0,
--              model = '', billing_type = ''), for reports grouped by day.
CREATE TABLE execution_rollups (
    user_id            uuid      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    level              text      NOT NULL CHECK (level IN ('DAY', 'MONTH', 'DAY_TOTAL')),
    day                date      NOT NULL,
    prompt_name        text      NOT NULL,
    version_number     integer   NOT NULL,
    model              text      NOT NULL,
    billing_type       text      NOT NULL CHECK (billing_type IN ('SYSTEM', 'BYOK', '')),
    runs               bigint    NOT NULL,
    successes          bigint    NOT NULL,
    errors             bigint    NOT NULL,
    prompt_tokens      bigint    NOT NULL,
    completion_tokens  bigint    NOT NULL,
    cost               numeric   NOT NULL,   -- exact USD, sum of the known costs
    unknown_cost_runs  bigint    NOT NULL,   -- runs whose cost is unknown (not in cost)
    latency_ms_sum     bigint    NOT NULL,
    latency_histogram  integer[] NOT NULL CHECK (cardinality(latency_histogram) = 71),  -- see LatencyHistogram
    PRIMARY KEY (user_id, level, day, prompt_name, version_number, model, billing_type),
    CHECK (level <> 'MONTH' OR extract(day FROM day) = 1),
    CHECK ((level = 'DAY_TOTAL') = (billing_type = ''))
);
