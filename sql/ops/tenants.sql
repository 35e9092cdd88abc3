-- sql/ops/tenants.sql — every tenant with status, plan, members, this period's usage per counter, and LLM spend
-- today against its trailing 7-day daily average.
-- Layer: chassis. select * from ops.tenants where status = 'suspended';
create view ops.tenants as
select
  t.id,
  t.slug::text as slug,
  t.kind,
  t.status,
  chassis.tenant_plan_id(t.id) as plan_id,
  s.status as subscription_status,
  (select count(*) from chassis.memberships as m
where m.tenant_id = t.id) as members,
  coalesce(
    (
      select jsonb_object_agg(u.counter, u.used)
      from chassis.usage_counts as u
      where u.tenant_id = t.id and u.period_end > now() and u.period_start <= now()
    ),
    '{}'
  ) as usage,
  coalesce(
    (
      select sum(c.cost_micro_usd) from engine.llm_calls as c
      where c.tenant_id = t.id and c.created_at >= date_trunc('day', now())
    ),
    0
  )::bigint as llm_spend_today_micro_usd,
  coalesce(
    (
      select sum(c.cost_micro_usd) / 7 from engine.llm_calls as c
      where
        c.tenant_id = t.id
        and c.created_at >= date_trunc('day', now()) - interval '7 days'
        and c.created_at < date_trunc('day', now())
    ),
    0
  )::bigint as llm_spend_trailing_daily_avg_micro_usd,
  t.created_at
from chassis.tenants as t
left join chassis.subscriptions as s on t.id = s.tenant_id;
grant select on ops.tenants to operator;
