-- sql/schemas/verticals/architecture/advisor_40_assessments.sql — every advisor run, kept per tenant. Layer: vertical.
create table architecture.advisor_assessments (
  id uuid primary key default extensions.gen_random_uuid(),
  tenant_id uuid not null default chassis.current_tenant_id() references chassis.tenants (id) on delete cascade,
  label text not null default '' check (length(label) <= 200),
  ruleset text not null,
  answers jsonb not null check (jsonb_typeof(answers) = 'object'),
  result jsonb not null check (jsonb_typeof(result) = 'object'),
  flavour int not null check (flavour between 0 and 7),
  created_by uuid default chassis.current_user_id() references chassis.users (id) on delete set null,
  created_at timestamptz not null default now()
);
comment on table architecture.advisor_assessments is 'Append-only advisor runs of a tenant: answers, result, who, when.';
create index advisor_assessments_tenant_idx on architecture.advisor_assessments (tenant_id, created_at desc);
alter table architecture.advisor_assessments enable row level security;
alter table architecture.advisor_assessments force row level security;
grant select, insert (tenant_id, label, ruleset, answers, result, flavour) on architecture.advisor_assessments
to authenticated;
grant select on architecture.advisor_assessments to operator;
