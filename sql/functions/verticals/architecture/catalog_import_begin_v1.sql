-- sql/functions/verticals/architecture/catalog_import_begin_v1.sql — open an import run (sidecar import service).
-- Layer: vertical. scope 'global': operators only; scope 'tenant': the current tenant's owners and admins.
-- Runs as the caller: RLS and grants decide as well.
create function architecture.catalog_import_begin_v1(
  scope text, source text, title text default '', declared_count int default null, warnings jsonb default '[]'
)
returns uuid
language plpgsql volatile
set search_path = ''
as $$
declare
  v_tenant_id uuid;
  v_id uuid;
begin
  if catalog_import_begin_v1.scope = 'global' then
    if not pg_catalog.pg_has_role(current_user, 'operator', 'member') then
      raise sqlstate 'PT403' using
        message = 'only operators import the global catalog',
        hint = 'tenant admins import private patterns with scope tenant';
    end if;
  elsif catalog_import_begin_v1.scope = 'tenant' then
    v_tenant_id := chassis.require_tenant();
    if not chassis.can('architecture.catalog.manage') then
      raise sqlstate 'PT403' using message = 'only tenant owners and admins import private patterns';
    end if;
  else
    raise sqlstate 'PT400' using
      message = pg_catalog.format('unknown import scope %s', catalog_import_begin_v1.scope),
      hint = 'scope is global or tenant';
  end if;
  insert into architecture.catalog_imports (tenant_id, source, title, declared_count, warnings)
  values (v_tenant_id, catalog_import_begin_v1.source, coalesce(catalog_import_begin_v1.title, ''),
    catalog_import_begin_v1.declared_count, coalesce(catalog_import_begin_v1.warnings, '[]'))
  returning id into v_id;
  return v_id;
end;
$$;
grant execute on function architecture.catalog_import_begin_v1(text, text, text, int, jsonb)
to authenticated, sidecar, operator;
