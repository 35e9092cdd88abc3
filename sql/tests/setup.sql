-- sql/tests/setup.sql — test databases only: pgTAP and the tests schema with persona helpers (not part of load.sql).
create extension if not exists pgtap with schema public;
\ir helpers.sql
