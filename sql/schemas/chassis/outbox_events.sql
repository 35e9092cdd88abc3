-- sql/schemas/chassis/outbox_events.sql — the transactional outbox: events written in the business transaction.
-- Layer: chassis. Only chassis.emit_event() inserts (and fans out to webhook deliveries in the same transaction).
create table chassis.outbox (
  id bigint generated always as identity primary key,
  tenant_id uuid not null references chassis.tenants (id) on delete cascade,
  event_type text not null references chassis.webhook_event_types (event_type),
  payload jsonb not null check (jsonb_typeof(payload) = 'object'),
  envelope jsonb not null,
  created_at timestamptz not null default now()
);
create index outbox_tenant_id_idx on chassis.outbox (tenant_id, created_at);
create index outbox_event_type_idx on chassis.outbox (event_type);
alter table chassis.outbox enable row level security;
alter table chassis.outbox force row level security;
grant select on chassis.outbox to operator;
