-- sql/tests/setup.sql — test databases only: pgTAP, the tests schema (helpers, invariant queries) and the pinned
-- api surface, one file per layer (not part of load.sql). Layer: chassis (tests).
create extension if not exists pgtap with schema public;
create extension if not exists plpgsql_check with schema public;
\ir helpers.sql
\ir invariants.sql
\ir surface/chassis.sql
\ir surface/engine.sql
\ir surface/architecture.sql
