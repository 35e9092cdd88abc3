-- sql/functions/verticals/architecture/resolve_pattern.sql — a catalog slug → pattern id for one tenant.
-- Layer: vertical. The tenant's own pattern wins over the global one; null when unknown. Internal helper.
create function architecture.resolve_pattern(tenant_id uuid, slug text)
returns uuid
language sql stable security definer
set search_path = ''
as $$
  select p.id from architecture.patterns as p
  where p.slug = resolve_pattern.slug and (p.tenant_id is null or p.tenant_id = resolve_pattern.tenant_id)
  order by p.tenant_id nulls last
  limit 1;
$$;
revoke all on function architecture.resolve_pattern(uuid, text) from public;
