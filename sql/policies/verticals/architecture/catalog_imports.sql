-- sql/policies/verticals/architecture/catalog_imports.sql — import runs: tenant owners and admins see and write
-- their tenant's runs; global runs are operators' (BYPASSRLS). Layer: vertical.
create policy select_admin on architecture.catalog_imports for select to authenticated
using (tenant_id = (select chassis.current_tenant_id()) and (select chassis.can('architecture.catalog.manage')));
comment on policy select_admin on architecture.catalog_imports is 'Owners and admins read their tenant''s import runs.';
create policy insert_admin on architecture.catalog_imports for insert to authenticated
with check (tenant_id = (select chassis.current_tenant_id()) and (select chassis.can('architecture.catalog.manage')));
comment on policy insert_admin on architecture.catalog_imports is 'Owners and admins open import runs for their tenant.';
create policy update_admin on architecture.catalog_imports for update to authenticated
using (tenant_id = (select chassis.current_tenant_id()) and (select chassis.can('architecture.catalog.manage')))
with check (tenant_id = (select chassis.current_tenant_id()));
comment on policy update_admin on architecture.catalog_imports is 'Owners and admins finish their tenant''s runs.';

create policy select_admin on architecture.catalog_import_items for select to authenticated
using (tenant_id = (select chassis.current_tenant_id()) and (select chassis.can('architecture.catalog.manage')));
comment on policy select_admin on architecture.catalog_import_items is 'Owners and admins read run outcomes.';
create policy insert_admin on architecture.catalog_import_items for insert to authenticated
with check (tenant_id = (select chassis.current_tenant_id()) and (select chassis.can('architecture.catalog.manage')));
comment on policy insert_admin on architecture.catalog_import_items is 'Owners and admins record run outcomes.';
