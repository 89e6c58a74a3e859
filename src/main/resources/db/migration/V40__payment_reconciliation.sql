-- Payments that reconcile themselves (issue 17): Pix notifications from the creditor's PSP, CNAB 240
-- boleto returns, payments nobody could match, refunds, and the instruments to cancel once a debt
-- is paid.

-- A debt's Pix txid: 32 letters and digits derived from its id, so every debt has one from its
-- registration on (and the debts registered before this migration too), with no code writing it.
-- The API Pix asks 26 to 35 characters for a charge with due date (cobv); the static BR Code's
-- field 62-05 holds at most 25, so a static BR Code carries the first 25 (the unique prefix index
-- below lets a notification find the debt by either).
alter table debt add column pix_txid varchar(35)
    generated always as (md5('regua-pix:' || debt_id)) stored;
create unique index debt_pix_txid_idx on debt (pix_txid);
create unique index debt_pix_static_txid_idx on debt (left(pix_txid, 25));

-- Every Pix the PSP told us of, stored as it came before anything is applied: the webhook answers
-- only after this row is committed, and a row with no outcome is applied again by the next call
-- (the PSP's retry, the catch-up). One row per endToEndId: a repeat changes nothing.
create table pix_received (
    end_to_end_id varchar(32)  primary key,
    txid          varchar(35),
    amount_cents  bigint       not null check (amount_cents > 0),
    charges_cents bigint       not null,          -- a cobv's interest and fine (componentesValor)
    paid_at       timestamptz  not null,
    body          jsonb        not null,      -- the Pix object as the PSP sent it
    source        varchar(10)  not null,      -- WEBHOOK or CATCH_UP
    received_at   timestamptz  not null,
    debt_id       varchar(64),
    outcome       varchar(20),                -- null until applied: APPLIED, UNMATCHED, REFUND_PROPOSED
    applied_at    timestamptz
);
create index pix_received_pending_idx on pix_received (received_at) where outcome is null;

-- A payment whose reference names no debt (an unknown txid, a boleto whose nosso número and seu
-- número match nothing): never refused, never lost; a supervisor assigns it to a debt or refunds it.
create table unidentified_payment (
    id            bigserial    primary key,
    payment_id    varchar(64)  not null unique,   -- pix-<endToEndId>, cnab-<bank>-<nosso número>
    rail          varchar(10)  not null,          -- PIX or BOLETO
    reference     varchar(64),                    -- the txid, or nosso número / seu número
    amount_cents  bigint       not null check (amount_cents > 0),
    paid_at       timestamptz  not null,
    received_at   timestamptz  not null,
    resolved_at   timestamptz,
    resolved_by   varchar(100),
    debt_id       varchar(64)                     -- the debt a supervisor assigned it to
);
create index unidentified_payment_open_idx on unidentified_payment (received_at) where resolved_at is null;

-- Money to give back (CDC art. 42, sole paragraph: keeping what was paid in excess can cost double):
-- an overpayment's excess, or a whole payment to a debt already paid or cancelled. Proposed to a
-- supervisor; the refund id is the API Pix's devolução id (PUT /pix/{e2eid}/devolucao/{id}).
create table refund (
    refund_id     varchar(35)  primary key,
    payment_id    varchar(64)  not null unique,
    rail          varchar(10)  not null,
    end_to_end_id varchar(32),
    debt_id       varchar(64)  references debt (debt_id),
    amount_cents  bigint       not null check (amount_cents > 0),
    reason        varchar(300) not null,
    status        varchar(20)  not null,          -- PROPOSED, APPROVED, REJECTED, SENT, DEVOLVIDO, NAO_REALIZADO
    proposed_at   timestamptz  not null,
    decided_at    timestamptz,
    decided_by    varchar(100)
);
create index refund_status_idx on refund (status, proposed_at);

-- Once a debt is paid by any rail, its other instruments must stop charging: the boleto's
-- write-off instruction for the bank (CNAB 240 remessa, movement 02 "pedido de baixa") and the
-- removal of its cobv at the PSP (PATCH /cobv/{txid} status REMOVIDA_PELO_USUARIO_RECEBEDOR).
-- One row per debt and instrument; whoever carries it out marks it done.
create table instrument_cancellation (
    id            bigserial    primary key,
    debt_id       varchar(64)  not null references debt (debt_id),
    instrument    varchar(10)  not null,          -- BOLETO or COBV
    reference     varchar(64)  not null,          -- the boleto's barcode, the cobv's txid
    instruction   varchar(200) not null,
    paid_by       varchar(64)  not null,          -- the payment that settled the debt
    status        varchar(10)  not null,          -- PENDING or DONE
    created_at    timestamptz  not null,
    done_at       timestamptz,
    unique (debt_id, instrument)
);
create index instrument_cancellation_pending_idx on instrument_cancellation (created_at)
    where status = 'PENDING';

-- CNAB 240 return files received, by content: the same file twice is one row (and changes nothing
-- else, each line being idempotent on its own).
create table boleto_return_file (
    sha256         char(64)     primary key,
    file_name      varchar(200),
    first_received timestamptz  not null,
    last_received  timestamptz  not null,
    times_received integer      not null
);

-- The bank's write-offs (baixas, movement 09) and other movements a return reports, once each.
create table boleto_movement (
    id            bigserial    primary key,
    bank          char(3)      not null,
    our_number    varchar(20)  not null,          -- nosso número
    movement      char(2)      not null,
    occurred_on   date         not null,
    debt_id       varchar(64),
    your_number   varchar(25),                    -- seu número (the creditor's document number)
    file_sha256   char(64)     not null,
    line_number   integer      not null,
    recorded_at   timestamptz  not null,
    unique (bank, our_number, movement, occurred_on)
);
