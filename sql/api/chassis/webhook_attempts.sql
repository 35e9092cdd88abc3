-- sql/api/chassis/webhook_attempts.sql — every delivery attempt of the caller's tenants. Layer: chassis.
create view api.webhook_attempts with (security_invoker = true) as
select a.id, a.delivery_id, a.tenant_id, a.attempt, a.status_code, a.error, a.duration_ms, a.created_at
from chassis.webhook_attempts as a;
grant select on api.webhook_attempts to authenticated;
