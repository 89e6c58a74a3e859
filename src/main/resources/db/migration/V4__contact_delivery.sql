-- Delivery receipts: what the provider says became of a contact after we handed it over.
-- The outcome column keeps our decision (SENT, RECORDED, SUPPRESSED); delivery_status is the
-- provider's word on a SENT contact (SENT, DELIVERED, READ, FAILED), null until a receipt arrives.

alter table contact
    add column provider_message_id varchar(200),  -- the provider's id; receipts refer to it
    add column delivery_status     varchar(20)
        check (delivery_status in ('SENT', 'DELIVERED', 'READ', 'FAILED')),
    add column delivery_updated_at timestamptz,   -- when the provider says the status changed
    add column failure_reason      varchar(500);  -- for FAILED: invalid number, bounce, …

-- A provider never reuses an id; receipts find their contact by (channel, id).
create unique index contact_provider_message_idx on contact (channel, provider_message_id)
    where provider_message_id is not null;
