-- sql/schemas/chassis/30_memberships.sql — who belongs to which tenant, with which role. Layer: chassis.
create table chassis.memberships (
  tenant_id uuid not null references chassis.tenants (id) on delete cascade,
  user_id uuid not null references chassis.users (id) on delete cascade,
  role text not null check (role in ('owner', 'admin', 'member', 'viewer')),
  version int not null default 1,
  created_at timestamptz not null default now(),
  primary key (tenant_id, user_id)
);
comment on table chassis.memberships is 'Written only through the membership RPCs (invite/accept, change role, remove, leave).';
create index memberships_user_id_idx on chassis.memberships (user_id);
alter table chassis.memberships enable row level security;
alter table chassis.memberships force row level security;
grant select (tenant_id, user_id, role, version, created_at) on chassis.memberships to authenticated;
grant select, insert, update, delete on chassis.memberships to operator;
