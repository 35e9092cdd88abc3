-- sidecar/engine/events/queries.sql — named statements of the progress stream. Layer: engine.

-- require_tenant --
-- The stream is per tenant: fail with PT400/PT401 before streaming anything.
select chassis.require_tenant()::text as tenant_id;

-- events_after --
-- The caller's tenant's events after an id, oldest first (RLS restricts the rows to the current tenant).
select id, event, capture_id::text, derivation_id::text, status, data, created_at
from api.engine_events
where id > %(after)s
order by id
limit %(limit)s;
