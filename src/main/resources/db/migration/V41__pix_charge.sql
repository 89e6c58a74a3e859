-- A debt's charge with due date (cobv) at the creditor's PSP, as the PSP last answered: the
-- debtor's Pix copy-and-paste comes from here while its amount is the open balance.
create table pix_charge (
    txid             varchar(35)  primary key,
    debt_id          varchar(64)  not null unique references debt (debt_id),
    amount_cents     bigint       not null,
    status           varchar(40)  not null,      -- ATIVA, CONCLUIDA, REMOVIDA_PELO_USUARIO_RECEBEDOR, …
    pix_copia_e_cola varchar(512),
    revision         integer      not null,
    updated_at       timestamptz  not null
);
