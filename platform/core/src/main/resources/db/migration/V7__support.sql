-- Support requests: a user opens one with a first message, then the user and the support team
-- (administrators) add messages to its thread until it is closed.
CREATE TABLE support_requests (
    id             uuid PRIMARY KEY,
    user_id        uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    subject        text        NOT NULL CHECK (char_length(subject) BETWEEN 1 AND 200),
    status         text        NOT NULL CHECK (status IN ('OPEN', 'ANSWERED', 'CLOSED')),
    priority       boolean     NOT NULL,   -- the requester's plan included priority support when they last wrote
    waiting_since  timestamptz,            -- when the requester last wrote, while it waits for the team (OPEN)
    respond_by     timestamptz,            -- the answer the plan promises is due by then (OPEN only)
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL,
    CHECK ((status = 'OPEN') = (waiting_since IS NOT NULL AND respond_by IS NOT NULL))
);
-- The requester's own list, newest first.
CREATE INDEX support_requests_user_idx ON support_requests (user_id, created_at DESC, id DESC);
-- The team's queue: priority first, then the longest waiting.
CREATE INDEX support_requests_queue_idx ON support_requests (status, priority DESC, waiting_since, created_at, id);

CREATE TABLE support_messages (
    id          uuid PRIMARY KEY,
    seq         bigint      GENERATED ALWAYS AS IDENTITY,   -- the thread's order, even within one microsecond
    request_id  uuid        NOT NULL REFERENCES support_requests (id) ON DELETE CASCADE,
    author_id   uuid        REFERENCES users (id) ON DELETE SET NULL,
    from_staff  boolean     NOT NULL,   -- written by the support team, not the requester
    body        text        NOT NULL CHECK (char_length(body) BETWEEN 1 AND 10000),
    created_at  timestamptz NOT NULL
);
CREATE INDEX support_messages_request_idx ON support_messages (request_id, seq);
