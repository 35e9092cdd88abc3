-- sql/ops/billing_events.sql — provider events as received, newest first, with what they did. Layer: chassis.
-- select * from ops.billing_events where outcome = 'unknown_tenant';
create view ops.billing_events as
select
  e.provider,
  e.event_id,
  e.type,
  e.created,
  e.received_at,
  e.outcome,
  t.slug::text as tenant_slug
from chassis.billing_events as e
left join chassis.tenants as t on e.tenant_id = t.id
order by e.received_at desc;
grant select on ops.billing_events to operator;
