-- sql/schemas/engine/10_interpreters.sql — registered interpreter versions (kind × version). Layer: engine.
-- model is 'deterministic' or the label of an LLM interpreter; prompt_hash changes whenever the instructions or the
-- output schema change. Global (not per tenant): verticals register at load time.
create table engine.interpreters (
  kind text not null check (kind ~ '^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$'),
  version text not null check (length(version) between 1 and 40),
  output_schema jsonb not null check (jsonb_typeof(output_schema) = 'object'),
  model text not null check (length(model) > 0),
  prompt_hash text,
  registered_at timestamptz not null default clock_timestamp(),
  primary key (kind, version)
);
alter table engine.interpreters enable row level security;
alter table engine.interpreters force row level security;
grant select on engine.interpreters to authenticated, sidecar, operator;
