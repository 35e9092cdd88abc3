-- sql/policies/chassis/invitations.sql — RLS, versioning and audit for chassis.invitations. Layer: chassis.
create policy select_inviter on chassis.invitations for select to authenticated
using (tenant_id = (select chassis.current_tenant_id()) and (select chassis.can('chassis.member.invite')));
comment on policy select_inviter on chassis.invitations is
'Holders of chassis.member.invite (owners, admins) see the current tenant''s invitations.';
select chassis.enable_versioning('chassis.invitations');
select chassis.enable_audit('chassis.invitations');
