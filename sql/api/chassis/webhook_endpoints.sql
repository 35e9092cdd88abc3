-- sql/api/chassis/webhook_endpoints.sql — the caller's tenants' webhook endpoints (never the secret). Layer: chassis.
create view api.webhook_endpoints with (security_invoker = true) as
select e.id, e.tenant_id, e.url, e.description, e.event_types, e.enabled, e.created_by, e.created_at
from chassis.webhook_endpoints as e;
grant select on api.webhook_endpoints to authenticated;
