-- sql/api/verticals/architecture/architecture_radar.sql — the current tenant's radar: one blip per rated
-- pattern, quadrant = category, with the previous ring. Layer: vertical.
create view api.architecture_radar with (security_invoker = true) as
select
  r.pattern_id,
  p.slug,
  p.name,
  p.category as quadrant,
  r.ring,
  (
    select e.previous_ring from architecture.radar_events as e
    where e.tenant_id = r.tenant_id and e.pattern_id = r.pattern_id
    order by e.id desc limit 1
  ) as previous_ring,
  r.note,
  r.rated_by,
  r.rated_at
from architecture.radar_ratings as r
join architecture.patterns as p on r.pattern_id = p.id
where r.tenant_id = (select chassis.current_tenant_id());
comment on view api.architecture_radar is 'The tenant''s adopt/trial/assess/hold radar over catalog patterns.';
grant select on api.architecture_radar to authenticated;
