-- sql/functions/chassis/current_tenant_member_ids.sql — users sharing the current tenant with the caller. Layer: chassis.
-- Definer so the users policy can consult memberships without recursion.
create function chassis.current_tenant_member_ids()
returns setof uuid
language sql stable security definer
set search_path = ''
as $$
  select m.user_id from chassis.memberships as m where m.tenant_id = chassis.current_tenant_id();
$$;
grant execute on function chassis.current_tenant_member_ids() to authenticated, sidecar, operator;
