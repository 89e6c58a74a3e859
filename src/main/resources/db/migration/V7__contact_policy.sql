-- The contact policy: what each debtor agreed to (WhatsApp needs an opt-in) or refused (LGPD
-- opt-out of a channel: never used again for that debtor), and channels a provider reported
-- unreachable (a bounced address, an invalid number) until the debtor's contact data changes.

create table debtor_channel_consent (
    document   varchar(14) not null references debtor (document),
    channel    varchar(20) not null,
    consent    varchar(12) not null check (consent in ('OPT_IN', 'OPT_OUT', 'UNREACHABLE')),
    reason     varchar(500),
    updated_at timestamptz not null,
    primary key (document, channel)
);
