-- sql/schemas/chassis/webhooks_event_types.sql — event types tenants can subscribe webhook endpoints to.
-- Layer: chassis. Upper layers register theirs with chassis.register_event_type('<layer>.<thing>.<happened>', ...).
create table chassis.webhook_event_types (
  event_type text primary key check (event_type ~ '^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$'),
  description text not null check (length(description) between 1 and 200),
  created_at timestamptz not null default now()
);
alter table chassis.webhook_event_types enable row level security;
alter table chassis.webhook_event_types force row level security;
grant select on chassis.webhook_event_types to authenticated, sidecar, operator;
