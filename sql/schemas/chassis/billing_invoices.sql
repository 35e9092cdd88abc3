-- sql/schemas/chassis/billing_invoices.sql — invoices mirrored from the payment provider. Layer: chassis.
create table chassis.billing_invoices (
  provider text not null check (provider in ('stripe', 'fake')),
  invoice_id text not null,
  tenant_id uuid not null references chassis.tenants (id) on delete cascade,
  status text not null,
  currency text not null,
  amount_due bigint not null,
  amount_paid bigint not null,
  hosted_invoice_url text,
  last_event_at timestamptz not null,
  updated_at timestamptz not null default now(),
  primary key (provider, invoice_id)
);
create index billing_invoices_tenant_id_idx on chassis.billing_invoices (tenant_id);
alter table chassis.billing_invoices enable row level security;
alter table chassis.billing_invoices force row level security;
grant select on chassis.billing_invoices to authenticated, operator;
