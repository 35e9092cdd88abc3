-- sql/ops/00_schema.sql — (re)creates the ops schema; only operators may use it. Layer: chassis.
drop schema if exists ops cascade;
create schema ops;
revoke all on schema ops from public;
grant usage on schema ops to operator;
comment on schema ops is 'Operator console: set role operator; select * from ops.<question>; select ops.<action>(…, reason).';
