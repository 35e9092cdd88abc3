-- sql/api/chassis/invite.sql — RPC /rpc/invite: runs as the caller, delegates to chassis.invite(). Layer: chassis.
create function api.invite(role text, email text default null, valid_for interval default '7 days')
returns jsonb
language sql volatile
set search_path = ''
as $$
  select chassis.invite(invite.role, invite.email, invite.valid_for);
$$;
grant execute on function api.invite(text, text, interval) to authenticated;
