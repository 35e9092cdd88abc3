-- sql/schemas/chassis/billing_plans.sql — plans and their limits on registered counters. Layer: chassis.
-- A counter without a limit row is unlimited on that plan. period_limit exhausted → PT402 (upgrade or wait for the
-- reset); rate_limit per rate_window exhausted → 429 with Retry-After.
create table chassis.plans (
  id text primary key check (id ~ '^[a-z][a-z0-9_-]{0,39}$'),
  name text not null check (length(name) between 1 and 100),
  is_default boolean not null default false,
  stripe_price_id text unique,
  monthly_price_cents int not null default 0 check (monthly_price_cents >= 0),
  created_at timestamptz not null default now()
);
comment on column chassis.plans.is_default is 'The plan of every tenant without an active subscription (at most one).';
create unique index plans_one_default_idx on chassis.plans (is_default) where is_default;
alter table chassis.plans enable row level security;
alter table chassis.plans force row level security;
grant select on chassis.plans to authenticated, sidecar, operator;

create table chassis.plan_limits (
  plan_id text not null references chassis.plans (id) on delete cascade,
  counter text not null references chassis.counters (counter) on delete cascade,
  period_limit bigint check (period_limit >= 0),
  rate_limit bigint check (rate_limit >= 0),
  rate_window interval check (rate_window between interval '1 second' and interval '1 day'),
  primary key (plan_id, counter),
  check ((rate_limit is null) = (rate_window is null)),
  check (period_limit is not null or rate_limit is not null)
);
create index plan_limits_counter_idx on chassis.plan_limits (counter);
alter table chassis.plan_limits enable row level security;
alter table chassis.plan_limits force row level security;
grant select on chassis.plan_limits to authenticated, sidecar, operator;
