-- sql/api/chassis/invitations.sql — invitations of the current tenant (owners and admins). Layer: chassis.
create view api.invitations with (security_invoker = true) as
select
  i.id,
  i.tenant_id,
  i.role,
  i.email,
  i.status,
  i.invited_by,
  i.responded_by,
  i.expires_at,
  i.responded_at,
  i.created_at,
  i.version
from chassis.invitations as i;
grant select on api.invitations to authenticated;
