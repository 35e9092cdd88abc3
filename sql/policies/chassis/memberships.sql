-- sql/policies/chassis/memberships.sql — RLS, versioning and audit for chassis.memberships. Layer: chassis.
-- Writes go through the membership RPCs only (no insert/update/delete grants).
create policy select_self_or_tenant on chassis.memberships for select to authenticated
using (user_id = (select chassis.current_user_id()) or tenant_id = (select chassis.current_tenant_id()));
comment on policy select_self_or_tenant on chassis.memberships is
'A user sees their own memberships and every membership of their current tenant.';
select chassis.enable_versioning('chassis.memberships');
select chassis.enable_audit('chassis.memberships');
