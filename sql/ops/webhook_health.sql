-- sql/ops/webhook_health.sql — outbound webhook health per endpoint over the last 24 hours. Layer: chassis.
-- select * from ops.webhook_health where dead > 0 or retrying > 0;
create view ops.webhook_health as
select
  e.id as endpoint_id,
  t.slug::text as tenant_slug,
  e.url,
  e.enabled,
  count(d.id) filter (where d.status = 'delivered') as delivered,
  count(d.id) filter (where d.status in ('pending', 'retrying')) as in_flight,
  count(d.id) filter (where d.status = 'retrying') as retrying,
  count(d.id) filter (where d.status = 'dead') as dead,
  extract(epoch from now() - min(d.created_at) filter (where d.status in ('pending', 'retrying')))::int
    as oldest_in_flight_seconds,
  (array_agg(d.last_error order by d.updated_at desc) filter (where d.last_error is not null))[1] as last_error
from chassis.webhook_endpoints as e
inner join chassis.tenants as t on e.tenant_id = t.id
left join chassis.webhook_deliveries as d on e.id = d.endpoint_id and d.created_at > now() - interval '24 hours'
group by e.id, t.slug, e.url, e.enabled;
grant select on ops.webhook_health to operator;
