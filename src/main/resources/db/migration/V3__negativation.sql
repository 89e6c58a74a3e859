-- Debts reported to the credit bureau (negativação) and their removal, which the creditor owes
-- within 5 business days of payment (STJ Súmula 548). One row per debt: a debt is reported once.

create table negativation (
    debt_id              varchar(64)  primary key references debt (debt_id),
    protocol             varchar(100) not null,             -- the bureau's id of the negativation
    status               varchar(20)  not null
        check (status in ('NEGATIVATED', 'REMOVAL_REQUESTED', 'REMOVED')),
    negativated_at       timestamptz  not null,
    removal_requested_at timestamptz,
    removal_deadline     date,                              -- São Paulo calendar day
    removed_at           timestamptz,
    check ((removal_requested_at is null) = (removal_deadline is null))
);
