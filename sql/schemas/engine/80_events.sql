-- sql/schemas/engine/80_events.sql — progress events (what SSE streams): written by a trigger on derivations,
-- announced with NOTIFY engine_events {id, tenant_id}; the id is the SSE event id (Last-Event-ID resumes). Layer: engine.
create table engine.events (
  id bigint generated always as identity primary key,
  tenant_id uuid not null references chassis.tenants (id) on delete cascade,
  event text not null,
  capture_id uuid,
  derivation_id uuid,
  status text,
  data jsonb not null default '{}',
  created_at timestamptz not null default clock_timestamp()
);
create index events_tenant_id_idx on engine.events (tenant_id, id);
alter table engine.events enable row level security;
alter table engine.events force row level security;
grant select on engine.events to authenticated, operator;
