-- sql/schemas/engine/20_captures.sql — raw inputs to interpret. Immutable; one row per tenant and content hash.
-- Layer: engine.
create table engine.captures (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references chassis.tenants (id) on delete cascade,
  source text not null check (length(source) between 1 and 200),
  kind text not null,
  content text not null check (length(content) between 1 and 1000000),
  content_hash text not null,
  metadata jsonb not null default '{}' check (jsonb_typeof(metadata) = 'object'),
  created_by uuid references chassis.users (id) on delete set null,
  created_at timestamptz not null default now(),
  unique (tenant_id, content_hash)
);
create index captures_tenant_created_idx on engine.captures (tenant_id, created_at desc);
alter table engine.captures enable row level security;
alter table engine.captures force row level security;
grant select on engine.captures to authenticated, operator;
