-- sql/policies/verticals/architecture/search.sql — search documents are visible like their rows: global ones to
-- every signed-in user, tenant ones to the current tenant's members. Layer: vertical.
create policy select_signed_in on architecture.search_sources for select to authenticated
using ((select chassis.current_user_id()) is not null);
comment on policy select_signed_in on architecture.search_sources is 'Signed-in users list the searchable sources.';
create policy select_signed_in on architecture.search_documents for select to authenticated
using (
  (select chassis.current_user_id()) is not null
  and (tenant_id is null or tenant_id = (select chassis.current_tenant_id()))
);
comment on policy select_signed_in on architecture.search_documents is
'Global documents for every signed-in user; tenant documents for the current tenant.';
