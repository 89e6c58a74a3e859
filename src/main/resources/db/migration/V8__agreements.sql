-- Agreements (acordos): an accepted offer or an agent's deal, joining one or more debts of one
-- debtor, paid in installments that have their own journey (agreement-journey). Money in cents.

alter table agreement
    add column debtor_document      varchar(14) references debtor (document),
    add column source               varchar(20),   -- OFFER (self-service) or AGENT (a deal)
    add column offer_id             varchar(64),
    add column agent                varchar(100),
    add column status               varchar(20),   -- ACTIVE, FULFILLED, BROKEN
    add column principal_cents      bigint,        -- the joined debts' open balances at signing
    add column fine_cents           bigint,
    add column interest_cents       bigint,
    add column discount_cents       bigint,
    add column total_cents          bigint,        -- what the debtor owes under the agreement
    add column first_due_date       date,
    add column request_fingerprint  varchar(64),   -- for idempotency by agreementId
    add column process_instance_key bigint,
    add column closed_at            timestamptz;

-- Agreements of the first régua (before V8) carry no amounts: they stay as they were signed.
update agreement set status = 'LEGACY', source = 'LEGACY' where status is null;
alter table agreement alter column status set not null;

create table agreement_debt (
    agreement_id        varchar(64) not null references agreement (agreement_id),
    debt_id             varchar(64) not null references debt (debt_id),
    position            integer     not null,      -- payments go to the debts in this order
    balance_cents       bigint      not null check (balance_cents > 0), -- open balance at signing
    primary key (agreement_id, debt_id)
);

-- a debt joins a new agreement only while open (a broken agreement returns it to collection)
create index agreement_debt_debt_idx on agreement_debt (debt_id);

create table agreement_installment (
    agreement_id varchar(64) not null references agreement (agreement_id),
    number       integer     not null check (number > 0),
    due_date     date        not null,
    amount_cents bigint      not null check (amount_cents > 0),
    paid_cents   bigint      not null default 0 check (paid_cents >= 0 and paid_cents <= amount_cents),
    paid_at      timestamptz,                      -- when it was paid in full
    primary key (agreement_id, number)
);

create table agreement_payment (
    payment_id   varchar(64) primary key,
    agreement_id varchar(64) not null references agreement (agreement_id),
    amount_cents bigint      not null check (amount_cents > 0),
    paid_at      timestamptz not null,
    received_at  timestamptz not null
);

create index agreement_payment_agreement_idx on agreement_payment (agreement_id);
