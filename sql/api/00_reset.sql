-- sql/api/00_reset.sql — (re)creates the api schema: security_invoker views and RPC functions only. Layer: chassis.
drop schema if exists api cascade;
create schema api;
grant usage on schema api to anon, authenticated, sidecar, operator;
