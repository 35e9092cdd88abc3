-- sql/seed/load.sql — demo data for make run (two tenants, users in every role). Not loaded by tests.
\set ON_ERROR_STOP on
