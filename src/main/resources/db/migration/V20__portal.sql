-- The debtor's portal (docs/portal.md).

-- Links revoked: every link of the debt issued on or before the day of revoked_at stops working.
create table portal_link_revocation (
    payment_token uuid        primary key,
    revoked_at    timestamptz not null,
    reason        text        not null
);

-- Identity confirmations tried, to limit them per link and per address (failed ones count).
create table portal_identity_attempt (
    id             bigserial   primary key,
    payment_token  uuid        not null,
    attempted_at   timestamptz not null,
    succeeded      boolean     not null,
    remote_address varchar(64)
);
create index portal_identity_attempt_token on portal_identity_attempt (payment_token, attempted_at);
create index portal_identity_attempt_address on portal_identity_attempt (remote_address, attempted_at);

-- What happened on the portal, from where: opened, identity confirmed or refused, every action.
-- The WhatsApp opt-in's consent (when, from which address and browser) is one of these rows.
create table portal_audit (
    id            bigserial   primary key,
    at            timestamptz not null,
    payment_token uuid        not null,
    debt_id       varchar(64),
    action        varchar(40) not null,
    detail        text,
    remote_address varchar(64),
    user_agent    varchar(300)
);
create index portal_audit_action on portal_audit (action, at);
create index portal_audit_token on portal_audit (payment_token, at);

-- A visit (one identity confirmation) and what the debtor did in it, per debt, reported to the
-- journey as a portal-visited event once the visit is over (quiet for a while) or at once when
-- the debtor downloads the boleto or starts a renegotiation.
create table portal_visit (
    visit_id       varchar(40) not null,
    debt_id        varchar(64) not null,
    started_at     timestamptz not null,
    last_seen_at   timestamptz not null,
    downloaded_boleto     boolean not null default false,
    started_renegotiation boolean not null default false,
    reported       boolean     not null default false,
    primary key (visit_id, debt_id)
);
create index portal_visit_unreported on portal_visit (last_seen_at) where not reported;
