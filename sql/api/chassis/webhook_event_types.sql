-- sql/api/chassis/webhook_event_types.sql — event types an endpoint can subscribe to. Layer: chassis.
create view api.webhook_event_types with (security_invoker = true) as
select t.event_type, t.description from chassis.webhook_event_types as t;
grant select on api.webhook_event_types to authenticated;
