-- sql/schemas/chassis/usage_counts.sql — usage per tenant, counter and period; rate windows. Layer: chassis.
-- Written only by chassis.meter() in the transaction of the metered action (a refused action rolls back its count).
create table chassis.usage_counts (
  tenant_id uuid not null references chassis.tenants (id) on delete cascade,
  counter text not null references chassis.counters (counter) on delete cascade,
  period_start timestamptz not null,
  period_end timestamptz not null,
  used bigint not null default 0 check (used >= 0),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, counter, period_start),
  check (period_end > period_start)
);
create index usage_counts_counter_idx on chassis.usage_counts (counter);
alter table chassis.usage_counts enable row level security;
alter table chassis.usage_counts force row level security;
grant select on chassis.usage_counts to authenticated, operator;

-- One row per tenant and counter: the current fixed rate window (reset in place when a new window starts).
create table chassis.usage_rates (
  tenant_id uuid not null references chassis.tenants (id) on delete cascade,
  counter text not null references chassis.counters (counter) on delete cascade,
  window_start timestamptz not null,
  used bigint not null check (used >= 0),
  primary key (tenant_id, counter)
);
create index usage_rates_counter_idx on chassis.usage_rates (counter);
alter table chassis.usage_rates enable row level security;
alter table chassis.usage_rates force row level security;
grant select on chassis.usage_rates to operator;
