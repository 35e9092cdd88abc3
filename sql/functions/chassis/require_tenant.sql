-- sql/functions/chassis/require_tenant.sql — the verified current tenant id, or PT401/PT400 explaining what is
-- missing. Layer: chassis. For RPCs of every layer.
create function chassis.require_tenant()
returns uuid
language plpgsql stable
set search_path = ''
as $$
declare
  v_tenant_id uuid := chassis.current_tenant_id();
begin
  perform chassis.require_user();
  if v_tenant_id is null then
    raise sqlstate 'PT400' using
      message = 'no tenant selected',
      hint = 'send a tenant_id claim or an x-tenant-id header';
  end if;
  return v_tenant_id;
end;
$$;
grant execute on function chassis.require_tenant() to authenticated, sidecar, operator;
