-- sql/policies/chassis/tenants.sql — RLS, versioning and audit for chassis.tenants. Layer: chassis.
create policy select_member on chassis.tenants for select to authenticated
using (id in (select chassis.current_tenant_ids()));
comment on policy select_member on chassis.tenants is 'Members see their active tenants.';
create policy update_manager on chassis.tenants for update to authenticated
using (id = (select chassis.current_tenant_id()) and (select chassis.can('chassis.tenant.update')))
with check (id = (select chassis.current_tenant_id()) and (select chassis.can('chassis.tenant.update')));
comment on policy update_manager on chassis.tenants is
'Holders of chassis.tenant.update (owners, admins) edit the current tenant''s name and metadata.';
select chassis.enable_versioning('chassis.tenants');
select chassis.enable_audit('chassis.tenants', 'id');
