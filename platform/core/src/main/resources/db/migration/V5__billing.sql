-- Billing of the PRO plan through a payment processor plugin (Stripe): the processor's customer
-- of each user, subscriptions, invoices, refunds, and the webhook events already applied. Ids
-- are the processor's own opaque strings. Only verified webhook events change subscriptions
-- (and through them the users' plans); the platform never stores card data.

CREATE TABLE billing_customers (
    user_id      uuid        PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    provider     text        NOT NULL,   -- the billing provider's id, e.g. stripe
    customer_id  text        NOT NULL,
    created_at   timestamptz NOT NULL,
    UNIQUE (provider, customer_id)
);

CREATE TABLE billing_subscriptions (
    id                    text        PRIMARY KEY,
    provider              text        NOT NULL,
    user_id               uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    customer_id           text        NOT NULL,
    status                text        NOT NULL CHECK (status IN ('INCOMPLETE', 'INCOMPLETE_EXPIRED', 'TRIALING',
                                          'ACTIVE', 'PAST_DUE', 'CANCELED', 'UNPAID', 'PAUSED')),
    billing_interval      text        NOT NULL CHECK (billing_interval IN ('MONTH', 'YEAR')),
    current_period_start  timestamptz NOT NULL,
    current_period_end    timestamptz NOT NULL,
    cancel_at_period_end  boolean     NOT NULL,
    cancel_at             timestamptz,
    canceled_at           timestamptz,
    past_due_since        timestamptz,          -- when it became PAST_DUE: PRO lasts billing.grace-period after
    pro_since             timestamptz,          -- start of the first period it paid for PRO
    grants_pro            boolean     NOT NULL, -- it made its user PRO: losing that turns the user FREE
    last_event_created    timestamptz NOT NULL, -- `created` of the last event applied: older ones never overwrite
    created_at            timestamptz NOT NULL,
    updated_at            timestamptz NOT NULL
);
CREATE INDEX billing_subscriptions_user_idx ON billing_subscriptions (user_id, created_at DESC);
-- The grace sweep looks only at past-due subscriptions that still pay for PRO.
CREATE INDEX billing_subscriptions_grace_idx ON billing_subscriptions (past_due_since)
    WHERE status = 'PAST_DUE' AND grants_pro;

CREATE TABLE billing_invoices (
    id                  text        PRIMARY KEY,
    provider            text        NOT NULL,
    user_id             uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    subscription_id     text,                 -- no foreign key: its event may arrive before the subscription's
    number              text,
    status              text        NOT NULL, -- the processor's: paid, open, void, uncollectible, draft
    amount_paid         bigint      NOT NULL CHECK (amount_paid >= 0),   -- minor units (cents)
    amount_due          bigint      NOT NULL CHECK (amount_due >= 0),
    currency            text        NOT NULL CHECK (currency ~ '^[a-z]{3}$'),
    period_start        timestamptz NOT NULL,
    period_end          timestamptz NOT NULL,
    created             timestamptz NOT NULL,
    hosted_url          text,
    last_event_created  timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL
);
CREATE INDEX billing_invoices_user_idx ON billing_invoices (user_id, created DESC);
CREATE INDEX billing_invoices_subscription_idx ON billing_invoices (subscription_id, period_end DESC);

CREATE TABLE billing_refunds (
    id               text        PRIMARY KEY,
    provider         text        NOT NULL,
    user_id          uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    subscription_id  text        NOT NULL,
    invoice_id       text        NOT NULL,
    amount           bigint      NOT NULL CHECK (amount > 0),            -- minor units (cents)
    currency         text        NOT NULL CHECK (currency ~ '^[a-z]{3}$'),
    created          timestamptz NOT NULL
);
CREATE INDEX billing_refunds_user_idx ON billing_refunds (user_id, created DESC);
CREATE INDEX billing_refunds_invoice_idx ON billing_refunds (invoice_id);

-- Every webhook event applied, inserted in the transaction that applies it: a redelivered event
-- conflicts on the primary key and changes nothing.
CREATE TABLE billing_events (
    event_id        text        PRIMARY KEY,
    provider        text        NOT NULL,
    type            text        NOT NULL,   -- CHECKOUT_COMPLETED, SUBSCRIPTION_UPDATED, …, OTHER
    processor_type  text        NOT NULL,   -- e.g. customer.subscription.updated
    created         timestamptz NOT NULL,
    received_at     timestamptz NOT NULL,
    outcome         text        NOT NULL    -- APPLIED, STALE, UNKNOWN_USER, IGNORED
);
