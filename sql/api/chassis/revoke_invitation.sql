-- sql/api/chassis/revoke_invitation.sql — RPC /rpc/revoke_invitation: runs as the caller, delegates to chassis.revoke_invitation(). Layer: chassis.
create function api.revoke_invitation(invitation_id uuid)
returns void
language sql volatile
set search_path = ''
as $$
  select chassis.revoke_invitation(revoke_invitation.invitation_id);
$$;
grant execute on function api.revoke_invitation(uuid) to authenticated;
