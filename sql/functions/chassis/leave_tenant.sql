-- sql/functions/chassis/leave_tenant.sql — the caller leaves a tenant (default: the current one). Layer: chassis.
-- Nobody leaves their personal tenant; the last owner cannot leave. Behind api.leave_tenant().
create function chassis.leave_tenant(tenant_id uuid default null)
returns void
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_user_id uuid := chassis.require_user();
  v_tenant_id uuid := coalesce(leave_tenant.tenant_id, chassis.current_tenant_id());
  v_role text;
  v_kind text;
begin
  select m.role, t.kind into v_role, v_kind
  from chassis.memberships as m
  inner join chassis.tenants as t on t.id = m.tenant_id
  where m.tenant_id = v_tenant_id and m.user_id = v_user_id
  for update of m;
  if not found then
    raise sqlstate 'PT404' using message = 'not a member of this tenant';
  end if;
  if v_kind = 'personal' then
    raise sqlstate 'PT400' using message = 'nobody can leave their personal tenant';
  end if;
  if v_role = 'owner' then
    perform chassis.assert_other_owner(v_tenant_id, v_user_id);
  end if;
  delete from chassis.memberships as m where m.tenant_id = v_tenant_id and m.user_id = v_user_id;
end;
$$;
grant execute on function chassis.leave_tenant(uuid) to authenticated, sidecar;
