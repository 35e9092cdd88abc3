-- sql/policies/verticals/architecture/catalog_patterns.sql — who reads and writes catalog patterns, their
-- revisions and links. Layer: vertical. Global rows (tenant_id null): every signed-in user reads, only operators
-- (BYPASSRLS) write. Tenant rows: members read, owners and admins write.
create policy select_signed_in on architecture.patterns for select to authenticated
using (
  (select chassis.current_user_id()) is not null
  and (tenant_id is null or (tenant_id = (select chassis.current_tenant_id())
    and (select chassis.can('architecture.catalog.read'))))
);
comment on policy select_signed_in on architecture.patterns is
'Signed-in users read the global catalog and their current tenant''s custom patterns.';
create policy insert_admin on architecture.patterns for insert to authenticated
with check (tenant_id = (select chassis.current_tenant_id()) and (select chassis.can('architecture.catalog.manage')));
comment on policy insert_admin on architecture.patterns is 'Owners and admins add their tenant''s custom patterns.';
create policy update_admin on architecture.patterns for update to authenticated
using (tenant_id = (select chassis.current_tenant_id()) and (select chassis.can('architecture.catalog.manage')))
with check (tenant_id = (select chassis.current_tenant_id()));
comment on policy update_admin on architecture.patterns is 'Owners and admins revise their tenant''s custom patterns.';
create policy delete_admin on architecture.patterns for delete to authenticated
using (tenant_id = (select chassis.current_tenant_id()) and (select chassis.can('architecture.catalog.manage')));
comment on policy delete_admin on architecture.patterns is 'Owners and admins delete their tenant''s custom patterns.';

create policy select_signed_in on architecture.pattern_revisions for select to authenticated
using (
  (select chassis.current_user_id()) is not null
  and (tenant_id is null or (tenant_id = (select chassis.current_tenant_id())
    and (select chassis.can('architecture.catalog.read'))))
);
comment on policy select_signed_in on architecture.pattern_revisions is 'Revisions are readable like their pattern.';
create policy insert_admin on architecture.pattern_revisions for insert to authenticated
with check (tenant_id = (select chassis.current_tenant_id()) and (select chassis.can('architecture.catalog.manage')));
comment on policy insert_admin on architecture.pattern_revisions is 'Owners and admins record custom revisions.';

create policy select_signed_in on architecture.pattern_links for select to authenticated
using (
  (select chassis.current_user_id()) is not null
  and (tenant_id is null or (tenant_id = (select chassis.current_tenant_id())
    and (select chassis.can('architecture.catalog.read'))))
);
comment on policy select_signed_in on architecture.pattern_links is 'Links are readable like their pattern.';
create policy insert_admin on architecture.pattern_links for insert to authenticated
with check (tenant_id = (select chassis.current_tenant_id()) and (select chassis.can('architecture.catalog.manage')));
comment on policy insert_admin on architecture.pattern_links is 'Owners and admins link custom patterns.';
create policy delete_admin on architecture.pattern_links for delete to authenticated
using (tenant_id = (select chassis.current_tenant_id()) and (select chassis.can('architecture.catalog.manage')));
comment on policy delete_admin on architecture.pattern_links is 'Owners and admins relink custom patterns.';
