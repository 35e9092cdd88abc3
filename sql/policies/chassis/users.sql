-- sql/policies/chassis/users.sql — RLS, versioning and audit for chassis.users. Layer: chassis.
create policy select_self_or_comember on chassis.users for select to authenticated
using (id = (select chassis.current_user_id()) or id in (select chassis.current_tenant_member_ids()));
comment on policy select_self_or_comember on chassis.users is
'A user sees themself and the members of their current tenant.';
select chassis.enable_versioning('chassis.users');
select chassis.enable_audit('chassis.users');
