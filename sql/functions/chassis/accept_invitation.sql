-- sql/functions/chassis/accept_invitation.sql — join a tenant with the invitation's role; single use.
-- Layer: chassis. Returns the tenant id. Behind api.accept_invitation().
create function chassis.accept_invitation(token text)
returns uuid
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_user_id uuid := chassis.require_user();
  v_invitation chassis.invitations := chassis.open_invitation(accept_invitation.token);
  v_tenant chassis.tenants;
begin
  select t.* into v_tenant from chassis.tenants as t where t.id = v_invitation.tenant_id;
  if v_tenant.status <> 'active' then
    raise sqlstate 'PT403' using message = pg_catalog.format('tenant %s is suspended', v_tenant.slug);
  end if;
  if exists (
    select 1 from chassis.memberships as m where m.tenant_id = v_tenant.id and m.user_id = v_user_id
  ) then
    raise sqlstate 'PT409' using message = pg_catalog.format('already a member of tenant %s', v_tenant.slug);
  end if;
  insert into chassis.memberships (tenant_id, user_id, role) values (v_tenant.id, v_user_id, v_invitation.role);
  update chassis.invitations as i
  set status = 'accepted', responded_by = v_user_id, responded_at = now()
  where i.id = v_invitation.id;
  return v_tenant.id;
end;
$$;
grant execute on function chassis.accept_invitation(text) to authenticated, sidecar;
