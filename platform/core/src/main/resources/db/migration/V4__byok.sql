-- Users' own provider keys (BYOK), sealed by the key storage plugin; only the last 4 characters are readable.
CREATE TABLE byok_keys (
    user_id     uuid        PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    provider    text        NOT NULL CHECK (provider IN ('openrouter')),
    sealed      bytea       NOT NULL,
    last4       text        NOT NULL,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);
-- Start-up opens the most recently saved key to prove the master keys still work.
CREATE INDEX byok_keys_updated_idx ON byok_keys (updated_at DESC);
