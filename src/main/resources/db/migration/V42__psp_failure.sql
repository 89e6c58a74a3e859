-- What the PSP failed or refused, per operation and item (payment/pix/psp/PspFailures): the jobs
-- back off an item that failed and leave an incident for a supervisor once it is not worth
-- retrying by itself (refused, or failing past the last backoff).
create table psp_failure (
    operation        varchar(20)  not null,  -- COBV, COBV_REMOVAL, REFUND
    reference        varchar(64)  not null,  -- the debt id, the cobv's txid, the refund id
    debt_id          varchar(64),
    attempts         integer      not null,
    last_error       text         not null,
    first_failed_at  timestamptz  not null,
    last_failed_at   timestamptz  not null,
    next_attempt_at  timestamptz,            -- null: an incident, no automatic attempt
    primary key (operation, reference)
);

create index psp_failure_incidents on psp_failure (first_failed_at) where next_attempt_at is null;
