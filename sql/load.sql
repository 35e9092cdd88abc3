-- sql/load.sql — the only place that fixes load order: roles → extensions → chassis → engine → verticals → api → ops.
-- Run by scripts/load-sql as a superuser inside one transaction; everything after extensions is owned by app_owner.
\set ON_ERROR_STOP on
\ir roles.sql
\ir extensions.sql
set role app_owner;
\ir chassis.sql
\ir engine.sql
\ir verticals/architecture.sql
\ir api.sql
\ir ops.sql
reset role;
