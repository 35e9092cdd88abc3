-- sql/tests/helpers.sql — tests schema: impersonation exactly as PostgREST does it, personas. Layer: chassis (tests).
create schema if not exists tests;
grant usage on schema tests to public;
