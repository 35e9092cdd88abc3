-- sql/ops/email_health.sql — queued email that is not sent yet or went dead, with its error. Layer: chassis.
-- select * from ops.email_health;
create view ops.email_health as
select m.id, t.slug::text as tenant_slug, m.kind, m.to_address::text as to_address, m.status, m.attempt_count,
  m.last_error, m.created_at, m.updated_at
from chassis.email_messages as m
left join chassis.tenants as t on m.tenant_id = t.id
where m.status <> 'sent'
order by m.created_at;
grant select on ops.email_health to operator;
