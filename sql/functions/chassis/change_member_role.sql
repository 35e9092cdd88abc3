-- sql/functions/chassis/change_member_role.sql — give a member of the current tenant another role. Layer: chassis.
-- Owners and admins (chassis.member.manage); only owners grant or take away the owner role; the last owner stays.
-- Behind api.change_member_role().
create function chassis.change_member_role(user_id uuid, role text)
returns void
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_tenant_id uuid := chassis.require_tenant();
  v_current text;
begin
  if not chassis.can('chassis.member.manage') then
    raise sqlstate 'PT403' using message = 'only owners and admins can change roles';
  end if;
  if change_member_role.role is null or change_member_role.role not in ('owner', 'admin', 'member', 'viewer') then
    raise sqlstate 'PT400' using
      message = pg_catalog.format('unknown role %s', coalesce(change_member_role.role, 'null'));
  end if;
  select m.role into v_current
  from chassis.memberships as m
  where m.tenant_id = v_tenant_id and m.user_id = change_member_role.user_id
  for update;
  if not found then
    raise sqlstate 'PT404' using message = 'not a member of this tenant';
  end if;
  if 'owner' in (v_current, change_member_role.role) and chassis.current_tenant_role() <> 'owner' then
    raise sqlstate 'PT403' using message = 'only owners can grant or change the owner role';
  end if;
  if v_current = change_member_role.role then
    return;
  end if;
  if v_current = 'owner' then
    perform chassis.assert_other_owner(v_tenant_id, change_member_role.user_id);
  end if;
  update chassis.memberships as m
  set role = change_member_role.role
  where m.tenant_id = v_tenant_id and m.user_id = change_member_role.user_id;
end;
$$;
grant execute on function chassis.change_member_role(uuid, text) to authenticated, sidecar;
