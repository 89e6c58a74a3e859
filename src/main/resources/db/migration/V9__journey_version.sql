-- The deployed version of dunning-journey each debt's journey runs on (KPIs per journey version).
-- Null for journeys started before this column existed.
alter table debt
    add column journey_version        integer,
    add column journey_definition_key bigint;
