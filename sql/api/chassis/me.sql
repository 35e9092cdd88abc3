-- sql/api/chassis/me.sql — the signed-in user and the verified current tenant. Layer: chassis.
create view api.me with (security_invoker = true) as
select
  u.id,
  u.issuer,
  u.subject,
  u.email,
  u.name,
  u.status,
  u.created_at,
  chassis.current_tenant_id() as current_tenant_id,
  chassis.current_tenant_role() as current_tenant_role
from chassis.users as u
where u.id = (select chassis.current_user_id());
grant select on api.me to authenticated;
