-- sql/schemas/chassis/email_messages.sql — outgoing email, written in the business transaction (the email outbox).
-- Layer: chassis. kind names a template of the sidecar's email module; data fills it. Sent by the worker through the
-- configured adapter (console or SMTP); status: pending, retrying (after a failure), sent, dead.
create table chassis.email_messages (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid references chassis.tenants (id) on delete cascade,
  kind text not null check (kind ~ '^[a-z][a-z0-9_.]*$'),
  to_address extensions.citext not null check (to_address::text ~ '^[^@\s]+@[^@\s]+$'),
  data jsonb not null default '{}' check (jsonb_typeof(data) = 'object'),
  status text not null default 'pending' check (status in ('pending', 'retrying', 'sent', 'dead')),
  attempt_count int not null default 0,
  last_error text,
  envelope jsonb not null,
  sent_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on column chassis.email_messages.data is 'Template data; may hold one-time secrets (invitation tokens).';
create index email_messages_tenant_id_idx on chassis.email_messages (tenant_id);
create index email_messages_unsent_idx on chassis.email_messages (created_at) where status in ('pending', 'retrying');
alter table chassis.email_messages enable row level security;
alter table chassis.email_messages force row level security;
grant select (id, tenant_id, kind, to_address, status, attempt_count, last_error, sent_at, created_at, updated_at)
on chassis.email_messages to operator;
