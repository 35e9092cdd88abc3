-- sql/api/chassis/members.sql — members of the current tenant. Layer: chassis.
create view api.members with (security_invoker = true) as
select
  m.tenant_id,
  m.user_id,
  u.email,
  u.name,
  m.role,
  m.version,
  m.created_at
from chassis.memberships as m
inner join chassis.users as u on m.user_id = u.id
where m.tenant_id = (select chassis.current_tenant_id());
grant select on api.members to authenticated;
