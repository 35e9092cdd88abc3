-- sql/functions/chassis/revoke_invitation.sql — withdraw a pending invitation of the current tenant. Layer: chassis.
-- Owners and admins only (chassis.member.invite). Behind api.revoke_invitation().
create function chassis.revoke_invitation(invitation_id uuid)
returns void
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_tenant_id uuid := chassis.require_tenant();
  v_status text;
begin
  if not chassis.can('chassis.member.invite') then
    raise sqlstate 'PT403' using message = 'only owners and admins can revoke invitations';
  end if;
  select i.status into v_status
  from chassis.invitations as i
  where i.id = revoke_invitation.invitation_id and i.tenant_id = v_tenant_id
  for update;
  if not found then
    raise sqlstate 'PT404' using message = 'invitation not found';
  end if;
  if v_status <> 'pending' then
    raise sqlstate 'PT409' using message = pg_catalog.format('invitation already %s', v_status);
  end if;
  update chassis.invitations as i
  set status = 'revoked', responded_by = chassis.current_user_id(), responded_at = now()
  where i.id = revoke_invitation.invitation_id;
end;
$$;
grant execute on function chassis.revoke_invitation(uuid) to authenticated, sidecar;
