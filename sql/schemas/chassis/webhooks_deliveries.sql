-- sql/schemas/chassis/webhooks_deliveries.sql — one delivery per (outbox event, endpoint) and its attempts.
-- Layer: chassis. id is the Standard Webhooks message id (webhook-id: msg_<hex>), stable across retries and replays.
-- status: pending (first attempt due), retrying (next_attempt_at), delivered, dead (attempt limit reached).
create table chassis.webhook_deliveries (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references chassis.tenants (id) on delete cascade,
  endpoint_id uuid not null references chassis.webhook_endpoints (id) on delete cascade,
  outbox_id bigint not null references chassis.outbox (id) on delete cascade,
  event_type text not null,
  status text not null default 'pending' check (status in ('pending', 'retrying', 'delivered', 'dead')),
  attempt_count int not null default 0 check (attempt_count >= 0),
  next_attempt_at timestamptz not null default now(),
  last_status_code int,
  last_error text,
  delivered_at timestamptz,
  replays int not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (outbox_id, endpoint_id)
);
comment on column chassis.webhook_deliveries.attempt_count is 'Attempts since creation or the last replay.';
create index webhook_deliveries_tenant_id_idx on chassis.webhook_deliveries (tenant_id, created_at desc);
create index webhook_deliveries_endpoint_id_idx on chassis.webhook_deliveries (endpoint_id);
create index webhook_deliveries_due_idx on chassis.webhook_deliveries (next_attempt_at)
where status in ('pending', 'retrying');
alter table chassis.webhook_deliveries enable row level security;
alter table chassis.webhook_deliveries force row level security;
grant select on chassis.webhook_deliveries to authenticated, operator;

create table chassis.webhook_attempts (
  id bigint generated always as identity primary key,
  delivery_id uuid not null references chassis.webhook_deliveries (id) on delete cascade,
  tenant_id uuid not null references chassis.tenants (id) on delete cascade,
  attempt int not null check (attempt > 0),
  status_code int,
  error text,
  duration_ms int not null check (duration_ms >= 0),
  created_at timestamptz not null default now()
);
create index webhook_attempts_delivery_id_idx on chassis.webhook_attempts (delivery_id);
create index webhook_attempts_tenant_id_idx on chassis.webhook_attempts (tenant_id);
alter table chassis.webhook_attempts enable row level security;
alter table chassis.webhook_attempts force row level security;
grant select on chassis.webhook_attempts to authenticated, operator;

-- The retry policy (one row): attempt n failing waits min(max_delay, base_delay * 2^(n-1)), jittered to 50–100 %.
create table chassis.webhook_policy (
  singleton boolean primary key default true check (singleton),
  max_attempts int not null default 8 check (max_attempts between 1 and 50),
  base_delay interval not null default '30 seconds',
  max_delay interval not null default '6 hours',
  lease interval not null default '2 minutes'
);
comment on column chassis.webhook_policy.lease is 'How long a started attempt keeps other workers off the delivery.';
insert into chassis.webhook_policy default values;
alter table chassis.webhook_policy enable row level security;
alter table chassis.webhook_policy force row level security;
grant select, update (max_attempts, base_delay, max_delay, lease) on chassis.webhook_policy to operator;
