-- sql/api/chassis/change_member_role.sql — RPC /rpc/change_member_role: runs as the caller, delegates to chassis.change_member_role(). Layer: chassis.
create function api.change_member_role(user_id uuid, role text)
returns void
language sql volatile
set search_path = ''
as $$
  select chassis.change_member_role(change_member_role.user_id, change_member_role.role);
$$;
grant execute on function api.change_member_role(uuid, text) to authenticated;
