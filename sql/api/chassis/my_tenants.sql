-- sql/api/chassis/my_tenants.sql — the caller's active tenants with their role; PATCH name/metadata (+ version
-- or If-Match) on the current tenant as owner/admin. Layer: chassis.
create view api.my_tenants with (security_invoker = true) as
select
  t.id,
  t.kind,
  t.slug,
  t.name,
  t.status,
  t.metadata,
  t.version,
  t.created_at,
  (
    select m.role from chassis.memberships as m
    where m.tenant_id = t.id and m.user_id = (select chassis.current_user_id())
  ) as role,
  t.id = (select chassis.current_tenant_id()) as is_current
from chassis.tenants as t;
grant select, update (name, metadata, version) on api.my_tenants to authenticated;
