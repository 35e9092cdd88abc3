-- sql/api/chassis/remove_member.sql — RPC /rpc/remove_member: runs as the caller, delegates to chassis.remove_member(). Layer: chassis.
create function api.remove_member(user_id uuid)
returns void
language sql volatile
set search_path = ''
as $$
  select chassis.remove_member(remove_member.user_id);
$$;
grant execute on function api.remove_member(uuid) to authenticated;
