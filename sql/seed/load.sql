-- sql/seed/load.sql — demo data for make run (two tenants, users in every role). Not loaded by tests.
-- Run by scripts/load-sql --seed as the superuser in one transaction; chassis first, then upper layers.
\set ON_ERROR_STOP on
\ir chassis.sql
\ir billing.sql
\ir verticals/architecture.sql
