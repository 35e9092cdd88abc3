-- sql/policies/chassis/authz.sql — RLS for the action matrix and resource grants, audit of grants. Layer: chassis.
create policy select_all on chassis.actions for select to authenticated using (true);
comment on policy select_all on chassis.actions is 'Action names are not secret.';
create policy select_all on chassis.role_actions for select to authenticated using (true);
comment on policy select_all on chassis.role_actions is 'The role → action matrix is not secret.';

create policy select_tenant_or_grantee on chassis.resource_grants for select to authenticated
using (tenant_id = (select chassis.current_tenant_id()) or grantee_user_id = (select chassis.current_user_id()));
comment on policy select_tenant_or_grantee on chassis.resource_grants is
'Members see their current tenant''s grants; a user sees grants made to them.';
create policy insert_manager on chassis.resource_grants for insert to authenticated
with check (tenant_id = (select chassis.current_tenant_id()) and (select chassis.can('chassis.grant.manage')));
comment on policy insert_manager on chassis.resource_grants is
'Holders of chassis.grant.manage share the current tenant''s resources.';
create policy delete_manager on chassis.resource_grants for delete to authenticated
using (tenant_id = (select chassis.current_tenant_id()) and (select chassis.can('chassis.grant.manage')));
comment on policy delete_manager on chassis.resource_grants is
'Holders of chassis.grant.manage withdraw the current tenant''s grants.';
select chassis.enable_audit('chassis.resource_grants');
