-- sql/ops/audit.sql — the audit trail, searchable by tenant, user and time in one select. Layer: chassis.
-- select * from ops.audit where tenant_slug = 'acme' and at > now() - interval '1 day' order by at desc;
create view ops.audit as
select
  a.id,
  a.at,
  a.tenant_id,
  t.slug::text as tenant_slug,
  a.actor_id,
  u.email::text as actor_email,
  a.via,
  a.table_name,
  a.op,
  a.envelope ->> 'operator' as operator,
  a.envelope ->> 'reason' as reason,
  a.envelope ->> 'request_id' as request_id,
  a.envelope ->> 'job_id' as job_id,
  a.old_row,
  a.new_row
from chassis.audit_log as a
left join chassis.tenants as t on a.tenant_id = t.id
left join chassis.users as u on a.actor_id = u.id;
grant select on ops.audit to operator;
