-- Save first, then correlate: every message for a journey is stored here in the transaction that
-- acknowledges its event (a payment, a promise, a dispute, ...), then published to the engine
-- with message_id as the engine's messageId. A relay retries until the engine confirms, so an
-- engine outage never loses an acknowledged event; the same message twice is one row.
create table journey_message (
    id              bigserial    primary key,
    message_id      varchar(200) not null,
    message_name    varchar(100) not null,
    correlation_key varchar(64)  not null,
    variables       jsonb        not null,
    created_at      timestamptz  not null,
    published_at    timestamptz,
    attempts        integer      not null default 0,
    next_attempt_at timestamptz  not null,
    last_error      varchar(500),
    -- the engine's own uniqueness: one agreement's message goes to each of its debts' journeys
    unique (message_name, correlation_key, message_id)
);

create index journey_message_pending_idx on journey_message (next_attempt_at)
    where published_at is null;

-- A payment for a debt not registered yet is kept here, never refused, and applied when the debt
-- is registered (reconciliation).
create table unmatched_payment (
    payment_id   varchar(64)  primary key,
    debt_id      varchar(64)  not null,
    amount_cents bigint       not null check (amount_cents > 0),
    paid_at      timestamptz  not null,
    received_at  timestamptz  not null,
    applied_at   timestamptz
);

create index unmatched_payment_pending_idx on unmatched_payment (debt_id) where applied_at is null;
