-- sql/api/chassis/accept_invitation.sql — RPC /rpc/accept_invitation: runs as the caller, delegates to chassis.accept_invitation(). Layer: chassis.
create function api.accept_invitation(token text)
returns uuid
language sql volatile
set search_path = ''
as $$
  select chassis.accept_invitation(accept_invitation.token);
$$;
grant execute on function api.accept_invitation(text) to authenticated;
