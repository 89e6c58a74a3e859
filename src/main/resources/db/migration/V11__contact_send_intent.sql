-- A message about to be handed to a provider that cannot deduplicate it (SMTP, WhatsApp's Cloud
-- API), written and committed before the call. The contact row that records the send removes it
-- in the same transaction; one left behind means the process died between the provider's answer
-- and that commit, so the provider may have taken the message and it is not sent again.
-- No foreign key to debt: the row is written while the contact's transaction holds the debt's
-- row lock.
create table contact_send_intent (
    idempotency_key varchar(200) primary key,
    debt_id         varchar(64)  not null,
    channel         varchar(20)  not null,
    started_at      timestamptz  not null
);
