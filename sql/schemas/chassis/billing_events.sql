-- sql/schemas/chassis/billing_events.sql — ledger of every verified provider event, keyed by event id. Layer: chassis.
-- A redelivered event hits the primary key and is acknowledged without side effects. outcome says what happened.
create table chassis.billing_events (
  provider text not null check (provider in ('stripe', 'fake')),
  event_id text not null,
  type text not null,
  created timestamptz not null,
  tenant_id uuid references chassis.tenants (id) on delete set null,
  outcome text not null check (outcome in ('applied', 'stale', 'ignored', 'unknown_tenant')),
  payload jsonb not null,
  received_at timestamptz not null default now(),
  primary key (provider, event_id)
);
comment on column chassis.billing_events.outcome is
'applied: state changed; stale: older than the state it would overwrite; ignored: type not mirrored; '
'unknown_tenant: metadata.tenant_id missing or unknown (kept for operators).';
create index billing_events_tenant_id_idx on chassis.billing_events (tenant_id);
alter table chassis.billing_events enable row level security;
alter table chassis.billing_events force row level security;
grant select on chassis.billing_events to operator;
