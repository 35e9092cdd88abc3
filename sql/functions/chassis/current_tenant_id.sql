-- sql/functions/chassis/current_tenant_id.sql — the tenant of this request, verified by pre_request(). Layer: chassis.
-- Use in policies as: tenant_id = (select chassis.current_tenant_id()).
create function chassis.current_tenant_id()
returns uuid
language sql stable
as $$
  select nullif(pg_catalog.current_setting('stance.tenant_id', true), '')::uuid;
$$;
grant execute on function chassis.current_tenant_id() to anon, authenticated, sidecar, operator;
