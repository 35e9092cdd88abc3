-- sql/schemas/chassis/20_tenants.sql — tenants (personal or team), separate from users. Layer: chassis.
create table chassis.tenants (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('personal', 'team')),
  slug extensions.citext not null unique check (slug::text ~ '^[a-z0-9][a-z0-9-]{1,38}[a-z0-9]$'),
  name text not null check (length(name) between 1 and 200),
  status text not null default 'active' check (status in ('active', 'suspended')),
  metadata jsonb not null default '{}' check (jsonb_typeof(metadata) = 'object'),
  version int not null default 1,
  created_by uuid references chassis.users (id) on delete set null,
  created_at timestamptz not null default now()
);
comment on table chassis.tenants is 'Every tenant-owned row in every layer points here; metadata is free for upper layers.';
-- One personal tenant per user.
create unique index tenants_personal_created_by_idx on chassis.tenants (created_by) where kind = 'personal';
alter table chassis.tenants enable row level security;
alter table chassis.tenants force row level security;
grant select (id, kind, slug, name, status, metadata, version, created_by, created_at) on chassis.tenants to authenticated;
grant update (name, metadata, version) on chassis.tenants to authenticated;
grant select, insert, update, delete on chassis.tenants to operator;
