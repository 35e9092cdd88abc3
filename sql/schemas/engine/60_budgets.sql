-- sql/schemas/engine/60_budgets.sql — per-tenant monthly LLM budgets, open reservations, the circuit breaker.
-- Layer: engine. spent + reserved never exceeds limit (checked in one UPDATE); a reservation is settled to the
-- actual cost after the call, or released when it is older than the policy's lease (a killed worker).
create table engine.budget_policy (
  singleton boolean primary key default true check (singleton),
  default_limit_micro_usd bigint not null default 5000000 check (default_limit_micro_usd >= 0),
  reservation_lease interval not null default '15 minutes',
  breaker_factor numeric not null default 10 check (breaker_factor > 1),
  breaker_trailing_days int not null default 7 check (breaker_trailing_days > 0),
  breaker_min_baseline_micro_usd bigint not null default 100000 check (breaker_min_baseline_micro_usd >= 0)
);
comment on column engine.budget_policy.breaker_min_baseline_micro_usd is
'Floor of the trailing daily average, so a new tenant''s first calls do not trip the breaker.';
insert into engine.budget_policy default values;
alter table engine.budget_policy enable row level security;
alter table engine.budget_policy force row level security;
grant select, update on engine.budget_policy to operator;

create table engine.budgets (
  tenant_id uuid primary key references chassis.tenants (id) on delete cascade,
  limit_micro_usd bigint not null check (limit_micro_usd >= 0),
  period_start date not null default date_trunc('month', now())::date,
  spent_micro_usd bigint not null default 0 check (spent_micro_usd >= 0),
  reserved_micro_usd bigint not null default 0 check (reserved_micro_usd >= 0),
  breaker_open_at timestamptz,
  breaker_reason text,
  breaker_reset_at timestamptz,
  updated_at timestamptz not null default now()
);
alter table engine.budgets enable row level security;
alter table engine.budgets force row level security;
grant select on engine.budgets to authenticated;
grant select, update (limit_micro_usd) on engine.budgets to operator;

create table engine.budget_reservations (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references engine.budgets (tenant_id) on delete cascade,
  derivation_id uuid references engine.derivations (id) on delete set null,
  amount_micro_usd bigint not null check (amount_micro_usd >= 0),
  created_at timestamptz not null default now()
);
create index budget_reservations_tenant_idx on engine.budget_reservations (tenant_id, created_at);
alter table engine.budget_reservations enable row level security;
alter table engine.budget_reservations force row level security;

create table engine.breaker_trips (
  id bigint generated always as identity primary key,
  tenant_id uuid not null references chassis.tenants (id) on delete cascade,
  tripped_at timestamptz not null default now(),
  day_spend_micro_usd bigint not null,
  baseline_micro_usd bigint not null,
  reset_at timestamptz,
  reset_by text,
  reset_reason text
);
comment on table engine.breaker_trips is 'Operators'' view of paused tenants (LLM jobs wait until a reset).';
alter table engine.breaker_trips enable row level security;
alter table engine.breaker_trips force row level security;
grant select on engine.breaker_trips to operator;
