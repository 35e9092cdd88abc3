-- sql/functions/chassis/current_tenant_ids.sql — every active tenant the caller belongs to. Layer: chassis.
-- Definer so policies on memberships cannot recurse. Use as: tenant_id in (select chassis.current_tenant_ids()).
create function chassis.current_tenant_ids()
returns setof uuid
language sql stable security definer
set search_path = ''
as $$
  select m.tenant_id
  from chassis.memberships as m
  inner join chassis.tenants as t on t.id = m.tenant_id
  where m.user_id = chassis.current_user_id() and t.status = 'active';
$$;
grant execute on function chassis.current_tenant_ids() to anon, authenticated, sidecar, operator;
