-- sql/functions/chassis/tenant_plan_id.sql — the plan in force for a tenant: its live subscription, else the default.
-- Layer: chassis. Definer so metering and views need no access to other tenants' subscriptions.
create function chassis.tenant_plan_id(tenant_id uuid)
returns text
language sql stable security definer
set search_path = ''
as $$
  select coalesce(
    (
      select s.plan_id from chassis.subscriptions as s
      where s.tenant_id = tenant_plan_id.tenant_id and s.status in ('trialing', 'active', 'past_due')
    ),
    (select p.id from chassis.plans as p where p.is_default)
  );
$$;
grant execute on function chassis.tenant_plan_id(uuid) to authenticated, sidecar, operator;
