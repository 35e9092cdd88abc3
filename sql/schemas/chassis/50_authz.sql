-- sql/schemas/chassis/50_authz.sql — the role → action matrix as data, plus per-resource grants. Layer: chassis.
-- Upper layers register their actions with chassis.register_action(); the chassis never names them.
create table chassis.actions (
  action text primary key check (action ~ '^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*){2,}$'),
  created_at timestamptz not null default now()
);
comment on table chassis.actions is 'Every action name chassis.can() accepts: <layer>.<thing>.<verb>.';
alter table chassis.actions enable row level security;
alter table chassis.actions force row level security;
grant select on chassis.actions to authenticated, operator;

create table chassis.role_actions (
  action text not null references chassis.actions (action) on delete cascade,
  role text not null check (role in ('owner', 'admin', 'member', 'viewer')),
  primary key (action, role)
);
alter table chassis.role_actions enable row level security;
alter table chassis.role_actions force row level security;
grant select on chassis.role_actions to authenticated, operator;

create table chassis.resource_grants (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references chassis.tenants (id) on delete cascade,
  resource_type text not null check (resource_type ~ '^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$'),
  resource_id uuid not null,
  action text not null references chassis.actions (action) on delete cascade,
  grantee_user_id uuid references chassis.users (id) on delete cascade,
  grantee_role text check (grantee_role in ('owner', 'admin', 'member', 'viewer')),
  created_at timestamptz not null default now(),
  check ((grantee_user_id is null) <> (grantee_role is null)),
  constraint resource_grants_unique_key unique nulls not distinct (
    resource_type, resource_id, action, grantee_user_id, grantee_role
  )
);
comment on table chassis.resource_grants is
'Shares one resource of tenant_id with a user (any tenant) or with every member of tenant_id holding a role.';
create index resource_grants_resource_idx on chassis.resource_grants (resource_type, resource_id);
create index resource_grants_tenant_id_idx on chassis.resource_grants (tenant_id);
create index resource_grants_grantee_user_id_idx on chassis.resource_grants (grantee_user_id);
alter table chassis.resource_grants enable row level security;
alter table chassis.resource_grants force row level security;
grant select, delete on chassis.resource_grants to authenticated;
grant insert (tenant_id, resource_type, resource_id, action, grantee_user_id, grantee_role)
on chassis.resource_grants to authenticated;
grant select, insert, delete on chassis.resource_grants to operator;
