-- sql/schemas/engine/30_derivations.sql — one interpretation of a capture by one interpreter version. Layer: engine.
-- Upserted by the worker (unique capture × kind × version, so a retried job never makes a second row); every
-- earlier version's row is kept. evidence: one entry per quote {path, quote, status, method, start, end, score}.
create table engine.derivations (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references chassis.tenants (id) on delete cascade,
  capture_id uuid not null references engine.captures (id) on delete cascade,
  kind text not null,
  interpreter_version text not null,
  status text not null default 'queued'
  check (status in ('queued', 'running', 'done', 'failed', 'needs_review', 'skipped')),
  payload jsonb,
  evidence jsonb not null default '[]' check (jsonb_typeof(evidence) = 'array'),
  usage jsonb not null default '{}',
  cost_micro_usd bigint not null default 0 check (cost_micro_usd >= 0),
  error text,
  attempts int not null default 0 check (attempts >= 0),
  job_id bigint,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  finished_at timestamptz,
  unique (capture_id, kind, interpreter_version),
  foreign key (kind, interpreter_version) references engine.interpreters (kind, version)
);
create index derivations_tenant_idx on engine.derivations (tenant_id, kind, status);
alter table engine.derivations enable row level security;
alter table engine.derivations force row level security;
grant select on engine.derivations to authenticated, operator;
