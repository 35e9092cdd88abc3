-- sql/functions/chassis/envelope.sql — the access envelope of this transaction as jsonb (audit, metering, logs).
-- Layer: chassis. Keys: request_id, user_id, tenant_id, tenant_role, via, job_id, operator, reason (null when unset).
create function chassis.envelope()
returns jsonb
language sql stable
as $$
  select pg_catalog.jsonb_build_object(
    'request_id', nullif(pg_catalog.current_setting('stance.request_id', true), ''),
    'user_id', nullif(pg_catalog.current_setting('stance.user_id', true), ''),
    'tenant_id', nullif(pg_catalog.current_setting('stance.tenant_id', true), ''),
    'tenant_role', nullif(pg_catalog.current_setting('stance.tenant_role', true), ''),
    'via', nullif(pg_catalog.current_setting('stance.via', true), ''),
    'job_id', nullif(pg_catalog.current_setting('stance.job_id', true), ''),
    'operator', nullif(pg_catalog.current_setting('stance.operator', true), ''),
    'reason', nullif(pg_catalog.current_setting('stance.operator_reason', true), '')
  );
$$;
grant execute on function chassis.envelope() to anon, authenticated, sidecar, operator;
