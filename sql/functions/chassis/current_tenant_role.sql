-- sql/functions/chassis/current_tenant_role.sql — the caller's role (owner|admin|member|viewer) in the current tenant.
-- Layer: chassis. Null without a verified tenant.
create function chassis.current_tenant_role()
returns text
language sql stable
as $$
  select nullif(pg_catalog.current_setting('stance.tenant_role', true), '');
$$;
grant execute on function chassis.current_tenant_role() to anon, authenticated, sidecar, operator;
