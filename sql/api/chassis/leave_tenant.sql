-- sql/api/chassis/leave_tenant.sql — RPC /rpc/leave_tenant: runs as the caller, delegates to chassis.leave_tenant(). Layer: chassis.
create function api.leave_tenant(tenant_id uuid default null)
returns void
language sql volatile
set search_path = ''
as $$
  select chassis.leave_tenant(leave_tenant.tenant_id);
$$;
grant execute on function api.leave_tenant(uuid) to authenticated;
