-- Letters: the debtor's postal address (optional at registration) and the documents generated for
-- a debt (letters as PDF), kept byte for byte as they were sent.

alter table debtor
    add column address_street      varchar(200),
    add column address_number      varchar(20),                -- "S/N" when the street has none
    add column address_complement  varchar(100),
    add column address_district    varchar(100),               -- bairro
    add column address_city        varchar(100),
    add column address_state       char(2),                    -- UF
    add column address_postal_code char(8),                    -- CEP, digits only
    -- an address is whole or absent; only the complement is optional
    add constraint debtor_address_whole check (
        num_nulls(address_street, address_number, address_district, address_city,
                  address_state, address_postal_code) in (0, 6)
        and (address_complement is null or address_postal_code is not null));

create table document (
    id           uuid         primary key,
    debt_id      varchar(64)  not null references debt (debt_id),
    kind         varchar(80)  not null,          -- the letter's template, e.g. negativation-notice
    content_type varchar(100) not null,
    bytes        bytea        not null,
    sha256       char(64)     not null,          -- hex digest of bytes: proof of what was sent
    contact_key  varchar(300) unique,            -- the contact that sent it (contact.idempotency_key)
    created_at   timestamptz  not null
);

create index document_debt_idx on document (debt_id, created_at);
