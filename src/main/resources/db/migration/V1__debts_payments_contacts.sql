-- The system of record: debts, their debtors, payments and every contact made.
-- Money in cents (bigint), never floating point.

create table debtor (
    document    varchar(14)  primary key,           -- CPF (11 digits) or CNPJ (14), digits only
    name        varchar(200) not null,
    email       varchar(320) not null,
    phone       varchar(16)  not null,              -- E.164
    state       char(2)      not null,              -- UF
    updated_at  timestamptz  not null
);

create table debt (
    debt_id                  varchar(64)  primary key,  -- the creditor's id; the journey's correlation key
    debtor_document          varchar(14)  not null references debtor (document),
    amount_cents             bigint       not null check (amount_cents > 0),
    open_balance_cents       bigint       not null check (open_balance_cents >= 0),
    due_date                 date         not null,
    status                   varchar(20)  not null,
    payment_token            uuid         not null unique, -- opaque id for payment links: no debt details in URLs
    registration_fingerprint varchar(64)  not null,     -- hash of the registration request, for idempotency
    process_instance_key     bigint,
    registered_at            timestamptz  not null,
    updated_at               timestamptz  not null
);

create index debt_debtor_idx on debt (debtor_document);

create table payment (
    payment_id   varchar(64)  primary key,
    debt_id      varchar(64)  not null references debt (debt_id),
    amount_cents bigint       not null check (amount_cents > 0),
    paid_at      timestamptz  not null,
    received_at  timestamptz  not null
);

create index payment_debt_idx on payment (debt_id);

-- Every contact attempt and its outcome. The idempotency key makes a redelivered job a no-op.
create table contact (
    id              bigserial    primary key,
    debt_id         varchar(64)  not null references debt (debt_id),
    idempotency_key varchar(200) not null unique,
    step            varchar(40)  not null,
    channel         varchar(20)  not null,
    template        varchar(80)  not null,
    outcome         varchar(20)  not null,
    detail          varchar(500),
    occurred_at     timestamptz  not null
);

create index contact_debt_idx on contact (debt_id, occurred_at);

-- What happened to a debt besides contacts: registration, payments, status changes.
create table debt_event (
    id          bigserial    primary key,
    debt_id     varchar(64)  not null references debt (debt_id),
    type        varchar(40)  not null,
    detail      varchar(500),
    occurred_at timestamptz  not null
);

create index debt_event_debt_idx on debt_event (debt_id, occurred_at);
