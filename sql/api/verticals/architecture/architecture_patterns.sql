-- sql/api/verticals/architecture/architecture_patterns.sql — the catalog list: global and the tenant's custom
-- patterns with their facets and the tenant's radar ring. Layer: vertical.
create view api.architecture_patterns with (security_invoker = true) as
select
  p.id,
  p.slug,
  p.name,
  case when p.tenant_id is null then 'global' else 'custom' end as scope,
  p.category,
  p.complexity,
  p.team_size,
  architecture.team_size_band(p.team_size) as team_size_band,
  p.team_size_min,
  p.team_size_max,
  p.summary,
  p.also_known_as,
  r.ring,
  p.revision,
  p.created_at,
  p.updated_at
from architecture.patterns as p
left join architecture.radar_ratings as r
  on p.id = r.pattern_id and r.tenant_id = (select chassis.current_tenant_id());
comment on view api.architecture_patterns is 'Catalog list (global + tenant custom) with facets and the radar ring.';
grant select on api.architecture_patterns to authenticated;
