-- sql/api/chassis/billing_status.sql — plan and subscription state of each tenant the caller belongs to.
-- Layer: chassis. plan_id is the plan in force (the default plan when no live subscription).
create view api.billing_status with (security_invoker = true) as
select
  t.id as tenant_id,
  chassis.tenant_plan_id(t.id) as plan_id,
  s.provider,
  s.status as subscription_status,
  s.current_period_end,
  s.cancel_at_period_end
from chassis.tenants as t
left join chassis.subscriptions as s on t.id = s.tenant_id
where t.id in (select chassis.current_tenant_ids());
grant select on api.billing_status to authenticated;
