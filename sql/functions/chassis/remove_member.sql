-- sql/functions/chassis/remove_member.sql — remove someone from the current tenant. Layer: chassis.
-- Owners and admins (chassis.member.manage); only owners remove owners; the last owner stays.
-- Behind api.remove_member().
create function chassis.remove_member(user_id uuid)
returns void
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_tenant_id uuid := chassis.require_tenant();
  v_current text;
begin
  if not chassis.can('chassis.member.manage') then
    raise sqlstate 'PT403' using message = 'only owners and admins can remove members';
  end if;
  select m.role into v_current
  from chassis.memberships as m
  where m.tenant_id = v_tenant_id and m.user_id = remove_member.user_id
  for update;
  if not found then
    raise sqlstate 'PT404' using message = 'not a member of this tenant';
  end if;
  if v_current = 'owner' then
    if chassis.current_tenant_role() <> 'owner' then
      raise sqlstate 'PT403' using message = 'only owners can remove owners';
    end if;
    perform chassis.assert_other_owner(v_tenant_id, remove_member.user_id);
  end if;
  delete from chassis.memberships as m where m.tenant_id = v_tenant_id and m.user_id = remove_member.user_id;
end;
$$;
grant execute on function chassis.remove_member(uuid) to authenticated, sidecar;
