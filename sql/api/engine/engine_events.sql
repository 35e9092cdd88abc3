-- sql/api/engine/engine_events.sql — the current tenant's progress events (what GET /events streams). Layer: engine.
create view api.engine_events with (security_invoker = true) as
select e.id, e.event, e.capture_id, e.derivation_id, e.status, e.data, e.created_at
from engine.events as e;
grant select on api.engine_events to authenticated;
