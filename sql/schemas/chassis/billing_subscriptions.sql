-- sql/schemas/chassis/billing_subscriptions.sql — payment-provider customers and one subscription per tenant.
-- Layer: chassis. Written only by chassis.billing_apply_event_v1() (sidecar); read-only to members.
-- last_event_at is the provider's event.created of the newest event applied: older events never overwrite it.
create table chassis.billing_customers (
  tenant_id uuid primary key references chassis.tenants (id) on delete cascade,
  provider text not null check (provider in ('stripe', 'fake')),
  customer_id text not null,
  email text,
  last_event_at timestamptz not null,
  updated_at timestamptz not null default now(),
  unique (provider, customer_id)
);
alter table chassis.billing_customers enable row level security;
alter table chassis.billing_customers force row level security;
grant select on chassis.billing_customers to authenticated, operator;

create table chassis.subscriptions (
  tenant_id uuid primary key references chassis.tenants (id) on delete cascade,
  provider text not null check (provider in ('stripe', 'fake')),
  subscription_id text not null,
  plan_id text not null references chassis.plans (id),
  status text not null check (
    status in ('trialing', 'active', 'past_due', 'unpaid', 'canceled', 'incomplete', 'incomplete_expired', 'paused')
  ),
  current_period_end timestamptz,
  cancel_at_period_end boolean not null default false,
  last_event_at timestamptz not null,
  updated_at timestamptz not null default now(),
  unique (provider, subscription_id)
);
comment on table chassis.subscriptions is
'The plan counts while status is trialing, active or past_due; otherwise the default plan applies.';
create index subscriptions_plan_id_idx on chassis.subscriptions (plan_id);
alter table chassis.subscriptions enable row level security;
alter table chassis.subscriptions force row level security;
grant select on chassis.subscriptions to authenticated, operator;
