-- sql/api/chassis/decline_invitation.sql — RPC /rpc/decline_invitation: runs as the caller, delegates to chassis.decline_invitation(). Layer: chassis.
create function api.decline_invitation(token text)
returns void
language sql volatile
set search_path = ''
as $$
  select chassis.decline_invitation(decline_invitation.token);
$$;
grant execute on function api.decline_invitation(text) to authenticated;
