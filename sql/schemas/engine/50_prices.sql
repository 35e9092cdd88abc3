-- sql/schemas/engine/50_prices.sql — versioned model prices in USD per million tokens. Layer: engine.
-- tokens × (USD per Mtok) = micro-USD, so costs are exact integers (rounded up). The row in force for a call is the
-- newest effective_from ≤ now() for (provider, model), else for (provider, '*'), else ('*', '*'); its id is the
-- price_version stored on every usage row. Operators add rows; they never edit old ones.
create table engine.prices (
  id bigint generated always as identity primary key,
  provider text not null,
  model text not null,
  effective_from timestamptz not null default now(),
  input_per_mtok numeric(12, 6) not null check (input_per_mtok >= 0),
  cache_read_per_mtok numeric(12, 6) not null check (cache_read_per_mtok >= 0),
  cache_write_per_mtok numeric(12, 6) not null check (cache_write_per_mtok >= 0),
  output_per_mtok numeric(12, 6) not null check (output_per_mtok >= 0),
  unique (provider, model, effective_from)
);
alter table engine.prices enable row level security;
alter table engine.prices force row level security;
grant select on engine.prices to authenticated, sidecar;
grant select, insert on engine.prices to operator;

insert into engine.prices (provider, model, effective_from, input_per_mtok, cache_read_per_mtok,
  cache_write_per_mtok, output_per_mtok)
values
('*', '*', '2024-01-01', 10, 1, 12.5, 30),
('openai', 'gpt-4o-mini', '2024-07-18', 0.15, 0.075, 0.15, 0.6),
('openai', 'gpt-4o', '2024-08-06', 2.5, 1.25, 2.5, 10),
('anthropic', 'claude-sonnet-4-5', '2025-09-29', 3, 0.3, 3.75, 15),
('anthropic', 'claude-haiku-4-5', '2025-10-15', 1, 0.1, 1.25, 5),
('openai-compatible', '*', '2024-01-01', 0, 0, 0, 0);
