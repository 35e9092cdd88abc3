-- sql/schemas/chassis/idempotency_keys.sql — stored responses of sidecar POSTs carrying an Idempotency-Key.
-- Layer: chassis. Keys are per tenant; a replay returns the stored response, a different body under the same key
-- is refused (422). `pending` rows guard a request in flight; they are removed if the request fails with 5xx.
create table chassis.idempotency_keys (
  tenant_id uuid not null references chassis.tenants (id) on delete cascade,
  key text not null check (length(key) between 1 and 255),
  user_id uuid not null references chassis.users (id) on delete cascade,
  method text not null,
  path text not null,
  request_hash text not null,
  state text not null default 'pending' check (state in ('pending', 'done')),
  status int,
  response jsonb,
  created_at timestamptz not null default now(),
  primary key (tenant_id, key)
);
create index idempotency_keys_created_at_idx on chassis.idempotency_keys (created_at);
alter table chassis.idempotency_keys enable row level security;
alter table chassis.idempotency_keys force row level security;
grant select, insert, update, delete on chassis.idempotency_keys to authenticated;
