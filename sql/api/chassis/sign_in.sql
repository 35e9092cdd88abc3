-- sql/api/chassis/sign_in.sql — RPC /rpc/sign_in: runs as the caller, delegates to chassis.sign_in(). Layer: chassis.
create function api.sign_in()
returns jsonb
language sql volatile
set search_path = ''
as $$
  select chassis.sign_in();
$$;
grant execute on function api.sign_in() to authenticated;
