-- sql/api/verticals/architecture/architecture_catalog_imports.sql — the tenant's import runs and their reports
-- (operators see global runs too). Layer: vertical.
create view api.architecture_catalog_imports with (security_invoker = true) as
select
  i.id,
  case when i.tenant_id is null then 'global' else 'tenant' end as scope,
  i.source,
  i.title,
  i.declared_count,
  i.warnings,
  i.report,
  i.created_by,
  i.created_at,
  i.finished_at
from architecture.catalog_imports as i;
comment on view api.architecture_catalog_imports is 'Catalog import runs with counts and warnings.';
grant select on api.architecture_catalog_imports to authenticated;
