-- sql/api/verticals/architecture/architecture_delete_custom_pattern.sql — delete one of the tenant's custom
-- patterns (with its revisions, links and radar blips). Layer: vertical. Owners and admins only (RLS).
create function api.architecture_delete_custom_pattern(slug text)
returns void
language plpgsql volatile
set search_path = ''
as $$
begin
  perform chassis.require_tenant();
  if not chassis.can('architecture.catalog.manage') then
    raise sqlstate 'PT403' using message = 'only tenant owners and admins delete custom patterns';
  end if;
  delete from architecture.patterns as p
  where p.tenant_id = chassis.current_tenant_id() and p.slug = architecture_delete_custom_pattern.slug;
  if not found then
    raise sqlstate 'PT404' using
      message = pg_catalog.format('custom pattern %s not found', architecture_delete_custom_pattern.slug);
  end if;
end;
$$;
grant execute on function api.architecture_delete_custom_pattern(text) to authenticated;
