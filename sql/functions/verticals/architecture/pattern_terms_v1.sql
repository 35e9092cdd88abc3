-- sql/functions/verticals/architecture/pattern_terms_v1.sql — the catalog as the mention finder needs it.
-- Layer: vertical. [{slug, name, aliases}] of the global catalog plus the tenant's own patterns (a tenant
-- pattern shadows a global one with the same slug). The sidecar names the tenant; a signed-in caller
-- always gets its current tenant's view.
create function architecture.pattern_terms_v1(tenant_id uuid)
returns jsonb
language sql stable security definer
set search_path = ''
as $$
  select coalesce(jsonb_agg(jsonb_build_object('slug', p.slug, 'name', p.name, 'aliases', p.also_known_as)
    order by p.slug), '[]')
  from (
    select distinct on (q.slug) q.slug, q.name, q.also_known_as
    from architecture.patterns as q
    where q.tenant_id is null or q.tenant_id = coalesce(chassis.current_tenant_id(), pattern_terms_v1.tenant_id)
    order by q.slug, q.tenant_id nulls last
  ) as p;
$$;
revoke all on function architecture.pattern_terms_v1(uuid) from public;
grant execute on function architecture.pattern_terms_v1(uuid) to authenticated, sidecar;
