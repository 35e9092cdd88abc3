-- sql/schemas/chassis/usage_counters.sql — metered counters registered by upper layers. Layer: chassis.
-- The chassis never names a counter: layers call chassis.register_counter('<layer>.<thing>', description, period).
create table chassis.counters (
  counter text primary key check (counter ~ '^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$'),
  description text not null check (length(description) between 1 and 200),
  period text not null check (period in ('day', 'month')),
  created_at timestamptz not null default now()
);
comment on table chassis.counters is 'What can be metered; usage resets at the start of each UTC day or month.';
alter table chassis.counters enable row level security;
alter table chassis.counters force row level security;
grant select on chassis.counters to authenticated, sidecar, operator;
