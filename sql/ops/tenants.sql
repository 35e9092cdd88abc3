-- sql/ops/tenants.sql — every tenant with status, plan, members and this period's usage per counter.
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
  t.created_at
from chassis.tenants as t
left join chassis.subscriptions as s on t.id = s.tenant_id;
grant select on ops.tenants to operator;
