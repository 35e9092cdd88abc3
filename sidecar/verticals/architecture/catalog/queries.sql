-- sidecar/verticals/architecture/catalog/queries.sql — named statements of the catalog import. Layer: vertical.

-- known_patterns --
-- Patterns the caller can see (targets for related links of a tenant import); RLS applies.
select p.slug, p.name, p.also_known_as from architecture.patterns as p
where p.tenant_id is null or p.tenant_id = chassis.current_tenant_id();

-- import_begin --
-- Open a run: scope 'global' needs the operator role, 'tenant' the catalog.manage action.
select architecture.catalog_import_begin_v1(%(scope)s, %(source)s, %(title)s, %(declared)s, %(warnings)s) as id;

-- import_pattern --
-- One pattern: created, revised (new revision, old kept) or unchanged.
select architecture.catalog_import_pattern_v1(%(import_id)s, %(pattern)s) as result;

-- import_finish --
-- Close the run; the report lists counts, section totals and every warning.
select architecture.catalog_import_finish_v1(%(import_id)s) as report;
