-- sql/schemas/chassis/40_invitations.sql — single-use invitations; only the sha256 of the token is stored. Layer: chassis.
create table chassis.invitations (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references chassis.tenants (id) on delete cascade,
  role text not null check (role in ('owner', 'admin', 'member', 'viewer')),
  email extensions.citext,
  token_hash bytea not null unique check (length(token_hash) = 32),
  status text not null default 'pending' check (status in ('pending', 'accepted', 'declined', 'revoked')),
  invited_by uuid references chassis.users (id) on delete set null,
  responded_by uuid references chassis.users (id) on delete set null,
  expires_at timestamptz not null,
  responded_at timestamptz,
  version int not null default 1,
  created_at timestamptz not null default now(),
  check ((status = 'pending') = (responded_at is null))
);
comment on column chassis.invitations.email is 'When set, only a user signed in with this email may accept.';
create index invitations_tenant_id_idx on chassis.invitations (tenant_id);
alter table chassis.invitations enable row level security;
alter table chassis.invitations force row level security;
grant select (
  id, tenant_id, role, email, status, invited_by, responded_by, expires_at, responded_at, version, created_at
) on chassis.invitations to authenticated;
grant select, update on chassis.invitations to operator;
