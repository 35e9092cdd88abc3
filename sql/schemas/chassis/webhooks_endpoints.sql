-- sql/schemas/chassis/webhooks_endpoints.sql — tenants' outbound webhook endpoints. Layer: chassis.
-- The signing secret (Standard Webhooks "whsec_<base64>") is returned once by api.create_webhook_endpoint() and is
-- never selectable by tenants (no column grant); the worker reads it through chassis.webhook_delivery_start_v1().
create table chassis.webhook_endpoints (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references chassis.tenants (id) on delete cascade,
  url text not null check (url ~ '^https?://[^\s/]+' and length(url) <= 2000),
  description text check (length(description) <= 200),
  event_types text[] not null check (cardinality(event_types) > 0),
  secret text not null check (secret ~ '^whsec_[A-Za-z0-9+/=]{32,}$'),
  enabled boolean not null default true,
  created_by uuid references chassis.users (id) on delete set null,
  created_at timestamptz not null default now()
);
create index webhook_endpoints_tenant_id_idx on chassis.webhook_endpoints (tenant_id);
create index webhook_endpoints_created_by_idx on chassis.webhook_endpoints (created_by);
alter table chassis.webhook_endpoints enable row level security;
alter table chassis.webhook_endpoints force row level security;
grant select (id, tenant_id, url, description, event_types, enabled, created_by, created_at)
on chassis.webhook_endpoints to authenticated;
grant select (id, tenant_id, url, description, event_types, enabled, created_by, created_at)
on chassis.webhook_endpoints to operator;
