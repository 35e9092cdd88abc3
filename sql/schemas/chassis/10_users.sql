-- sql/schemas/chassis/10_users.sql — people, keyed by their identity provider's (issuer, subject). Layer: chassis.
create table chassis.users (
  id uuid primary key default gen_random_uuid(),
  issuer text not null check (issuer <> ''),
  subject text not null check (subject <> ''),
  email extensions.citext,
  name text,
  status text not null default 'active' check (status in ('active', 'deactivated')),
  version int not null default 1,
  created_at timestamptz not null default now(),
  constraint users_issuer_subject_key unique (issuer, subject)
);
comment on table chassis.users is 'People known to Stance; rows are created by chassis.sign_in() from JWT claims.';
alter table chassis.users enable row level security;
alter table chassis.users force row level security;
grant select (id, issuer, subject, email, name, status, version, created_at) on chassis.users to authenticated;
grant select, insert, update, delete on chassis.users to operator;
