-- sql/api/chassis/webhook_deliveries.sql — deliveries of the caller's tenants' events, with their state.
-- Layer: chassis. message_id is the webhook-id header the receiver saw.
create view api.webhook_deliveries with (security_invoker = true) as
select
  d.id,
  'msg_' || replace(d.id::text, '-', '') as message_id,
  d.tenant_id,
  d.endpoint_id,
  d.event_type,
  d.status,
  d.attempt_count,
  d.next_attempt_at,
  d.last_status_code,
  d.last_error,
  d.delivered_at,
  d.replays,
  d.created_at
from chassis.webhook_deliveries as d;
grant select on api.webhook_deliveries to authenticated;
