-- sql/api/chassis/usage.sql — every registered counter for the request's tenant: used this period, limits, reset.
-- Layer: chassis. Empty without a tenant in the request.
create view api.usage with (security_invoker = true) as
select
  c.counter,
  c.description,
  c.period,
  coalesce(u.used, 0) as used,
  l.period_limit,
  l.rate_limit,
  l.rate_window,
  p.plan_id,
  chassis.usage_period_end(c.period, now()) as resets_at
from chassis.counters as c
cross join (select chassis.tenant_plan_id(chassis.current_tenant_id()) as plan_id) as p
left join chassis.plan_limits as l on p.plan_id = l.plan_id and c.counter = l.counter
left join chassis.usage_counts as u
  on
    u.tenant_id = chassis.current_tenant_id()
    and c.counter = u.counter
    and u.period_start = chassis.usage_period_start(c.period, now())
where chassis.current_tenant_id() is not null;
grant select on api.usage to authenticated;
