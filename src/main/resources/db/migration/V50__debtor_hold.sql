-- Debtor holds (issue 15, item 4): a company in judicial recovery (Lei 11.101/2005 art. 6), an
-- over-indebtedness renegotiation (Lei 14.181/2021), the debtor's death, or a legal order. While a
-- hold stands nothing reaches the debtor and nothing firm happens on any of their debts.
create table debtor_hold (
    hold_id          varchar(64)   primary key,
    debtor_document  varchar(14)   not null references debtor (document),
    kind             varchar(24)   not null
        check (kind in ('JUDICIAL_RECOVERY', 'OVER_INDEBTEDNESS', 'DECEASED', 'LEGAL')),
    reason           varchar(1000) not null,
    source           varchar(200)  not null,             -- the court, process number, notary, …
    starts_on        date          not null,             -- as the order or certificate says
    expected_end_on  date,                               -- informative: lifting is explicit
    -- the monthly amount above the existential minimum (Decreto 11.567/2023) that a
    -- renegotiation plan leaves for installments; offers do not exceed it
    max_installment_cents bigint check (max_installment_cents > 0),
    placed_at        timestamptz   not null,
    lifted_at        timestamptz,
    lift_reason      varchar(1000)
);

create index debtor_hold_debtor_idx on debtor_hold (debtor_document);
create index debtor_hold_standing_idx on debtor_hold (debtor_document) where lifted_at is null;
