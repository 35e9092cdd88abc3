-- sql/functions/chassis/register_event_type.sql — upper layers declare an outbox event type (idempotent).
-- Layer: chassis.
create function chassis.register_event_type(event_type text, description text)
returns void
language sql volatile
set search_path = ''
as $$
  insert into chassis.webhook_event_types (event_type, description)
  values (register_event_type.event_type, register_event_type.description)
  on conflict on constraint webhook_event_types_pkey do update set description = excluded.description;
$$;
grant execute on function chassis.register_event_type(text, text) to operator;
