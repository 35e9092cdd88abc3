-- sql/api/verticals/architecture/architecture_pattern_pages.sql — everything a pattern page shows: every section,
-- related patterns in both directions, the decision matrix and unresolved links. Layer: vertical.
create view api.architecture_pattern_pages with (security_invoker = true) as
select
  p.id,
  p.slug,
  p.name,
  case when p.tenant_id is null then 'global' else 'custom' end as scope,
  p.category,
  p.complexity,
  p.team_size,
  p.team_size_min,
  p.team_size_max,
  p.summary,
  p.also_known_as,
  p.when_to_use,
  p.when_not_to_use,
  p.key_components,
  p.pros,
  p.cons,
  p.tech_stacks,
  p.real_world_examples,
  p.decision_matrix,
  p."references",
  p.overview,
  coalesce((
    select jsonb_agg(jsonb_build_object('slug', t.slug, 'name', t.name, 'label', l.label) order by l.ord)
    from architecture.pattern_links as l
    join architecture.patterns as t on l.to_slug = t.slug and (t.tenant_id is null or t.tenant_id = p.tenant_id)
    where l.pattern_id = p.id
  ), '[]') as related,
  coalesce((
    select jsonb_agg(jsonb_build_object('slug', s.slug, 'name', s.name) order by s.name)
    from architecture.patterns as s
    where s.id <> p.id and exists (
      select 1 from architecture.pattern_links as l
where l.pattern_id = s.id and l.to_slug = p.slug
    )
  ), '[]') as related_from,
  coalesce((
    select jsonb_agg(jsonb_build_object('label', l.label, 'source_slug', l.source_slug, 'url', l.url) order by l.ord)
    from architecture.pattern_links as l
    where l.pattern_id = p.id and not exists (
      select 1 from architecture.patterns as t
      where t.slug = l.to_slug and (t.tenant_id is null or t.tenant_id = p.tenant_id)
    )
  ), '[]') as unresolved_links,
  r.ring,
  r.note as ring_note,
  p.revision,
  p.updated_at
from architecture.patterns as p
left join architecture.radar_ratings as r
  on p.id = r.pattern_id and r.tenant_id = (select chassis.current_tenant_id());
comment on view api.architecture_pattern_pages is
'Pattern page data: sections, related patterns (outgoing and incoming), decision matrix, unresolved links, ring.';
grant select on api.architecture_pattern_pages to authenticated;
