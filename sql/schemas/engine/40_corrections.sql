-- sql/schemas/engine/40_corrections.sql — human corrections of derived fields (field path → value). Layer: engine.
-- Append-only history; the newest correction of a (capture, kind, path) is the displayed value, whatever any
-- later derivation says. field_path is dot-separated (array indexes as numbers): `summary`, `claims.0.text`.
create table engine.corrections (
  id bigint generated always as identity primary key,
  tenant_id uuid not null references chassis.tenants (id) on delete cascade,
  capture_id uuid not null references engine.captures (id) on delete cascade,
  kind text not null,
  field_path text not null check (field_path ~ '^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$'),
  value jsonb not null,
  author uuid not null references chassis.users (id),
  created_at timestamptz not null default clock_timestamp()
);
create index corrections_capture_idx on engine.corrections (capture_id, kind, field_path, id desc);
alter table engine.corrections enable row level security;
alter table engine.corrections force row level security;
grant select on engine.corrections to authenticated, operator;
