-- sql/schemas/engine/70_llm_calls.sql — the usage ledger: one row per model response (and per call a killed
-- worker never finished: outcome stays 'started'). Layer: engine. cost is integer micro-USD at price_version.
create table engine.llm_calls (
  id bigint generated always as identity primary key,
  tenant_id uuid not null references chassis.tenants (id) on delete cascade,
  derivation_id uuid references engine.derivations (id) on delete set null,
  job_id bigint,
  attempt int not null default 1,
  provider text not null,
  model text not null,
  endpoint text,
  outcome text not null default 'started'
  check (outcome in ('started', 'ok', 'invalid_output', 'error', 'timeout')),
  input_tokens int not null default 0 check (input_tokens >= 0),
  cache_read_tokens int not null default 0 check (cache_read_tokens >= 0),
  cache_write_tokens int not null default 0 check (cache_write_tokens >= 0),
  output_tokens int not null default 0 check (output_tokens >= 0),
  cost_micro_usd bigint not null default 0 check (cost_micro_usd >= 0),
  price_version bigint references engine.prices (id),
  latency_ms int,
  created_at timestamptz not null default now()
);
create index llm_calls_tenant_day_idx on engine.llm_calls (tenant_id, created_at);
create index llm_calls_derivation_idx on engine.llm_calls (derivation_id);
alter table engine.llm_calls enable row level security;
alter table engine.llm_calls force row level security;
grant select on engine.llm_calls to authenticated, operator;
