-- Embedded mode: how far the in-JVM engine's clock was moved ahead of the system clock (the dev
-- clock endpoint), so that a restart carries on at the same time instead of going back to today.
create table engine_clock (
    id         smallint    primary key check (id = 1),
    offset_ms  bigint      not null,
    updated_at timestamptz not null
);
