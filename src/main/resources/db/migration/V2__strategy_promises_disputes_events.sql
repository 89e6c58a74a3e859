-- The complete régua: the strategy decided for each debt, promises, disputes, agreements and
-- engagement events (email opened, portal visited).

alter table debt
    add column propensity_score     integer check (propensity_score between 0 and 1000),
    add column late_payment_count   integer not null default 0 check (late_payment_count >= 0),
    add column strategy             varchar(20),
    add column max_discount_percent numeric(5, 2),
    add column max_installments     integer,
    add column promise_max_days     integer,
    add column final_action         varchar(20),
    -- interest runs from this day: the due date, one day later when the D+1 offer is accepted
    add column interest_from        date;

update debt set interest_from = due_date;
alter table debt alter column interest_from set not null;

-- Steps now include promise ids ("Promessa P-123") and follow-up stages.
alter table contact alter column step type varchar(100);
alter table contact alter column idempotency_key type varchar(300);
-- the message as rendered for the debtor (SMS/WhatsApp text, email body)
alter table contact add column payload text;

create table promise (
    promise_id    varchar(64)  primary key,
    debt_id       varchar(64)  not null references debt (debt_id),
    promised_date date         not null,
    source        varchar(40)  not null,             -- API, or the agent task that took it
    status        varchar(20)  not null,             -- ACTIVE, KEPT, BROKEN
    created_at    timestamptz  not null,
    resolved_at   timestamptz
);

create index promise_debt_idx on promise (debt_id);
-- at most one active promise per debt
create unique index promise_active_idx on promise (debt_id) where status = 'ACTIVE';

create table dispute (
    dispute_id       varchar(64)   primary key,
    debt_id          varchar(64)   not null references debt (debt_id),
    reason           varchar(1000) not null,
    status           varchar(20)   not null,          -- OPEN, RESUMED, CANCELLED
    resolution_notes varchar(1000),
    opened_at        timestamptz   not null,
    resolved_at      timestamptz
);

create index dispute_debt_idx on dispute (debt_id);
create unique index dispute_open_idx on dispute (debt_id) where status = 'OPEN';

create table agreement (
    agreement_id varchar(64)  primary key,
    debt_id      varchar(64)  not null references debt (debt_id),
    installments integer      not null check (installments > 0),
    signed_at    timestamptz  not null
);

create index agreement_debt_idx on agreement (debt_id);

create table engagement_event (
    event_id    varchar(64)  primary key,
    debt_id     varchar(64)  not null references debt (debt_id),
    type        varchar(30)  not null,                -- EMAIL_OPENED, PORTAL_VISITED
    occurred_at timestamptz  not null,
    detail      varchar(500),
    received_at timestamptz  not null
);

create index engagement_event_debt_idx on engagement_event (debt_id);
