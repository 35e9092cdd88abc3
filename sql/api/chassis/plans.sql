-- sql/api/chassis/plans.sql — the plan catalogue with each plan's limits. Layer: chassis.
create view api.plans with (security_invoker = true) as
select
  p.id,
  p.name,
  p.is_default,
  p.monthly_price_cents,
  coalesce(
    (
      select
        jsonb_object_agg(
          l.counter,
          jsonb_build_object('period_limit', l.period_limit, 'rate_limit', l.rate_limit, 'rate_window', l.rate_window)
        )
      from chassis.plan_limits as l
      where l.plan_id = p.id
    ),
    '{}'
  ) as limits
from chassis.plans as p;
grant select on api.plans to authenticated;
