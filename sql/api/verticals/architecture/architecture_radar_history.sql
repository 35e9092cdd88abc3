-- sql/api/verticals/architecture/architecture_radar_history.sql — every ring change of the current tenant:
-- who, when, from which ring to which, and why. Layer: vertical.
create view api.architecture_radar_history with (security_invoker = true) as
select
  e.id,
  e.pattern_id,
  p.slug,
  p.name,
  e.previous_ring,
  e.ring,
  e.note,
  e.reason,
  e.actor_id,
  e.request_id,
  e.created_at
from architecture.radar_events as e
join architecture.patterns as p on e.pattern_id = p.id
where e.tenant_id = (select chassis.current_tenant_id());
comment on view api.architecture_radar_history is 'Append-only radar history (blip timeline).';
grant select on api.architecture_radar_history to authenticated;
