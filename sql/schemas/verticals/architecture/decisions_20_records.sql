-- sql/schemas/verticals/architecture/decisions_20_records.sql — architecture decision records (MADR 4). Layer: vertical.
create table architecture.decisions (
  id uuid primary key default extensions.gen_random_uuid(),
  tenant_id uuid not null default chassis.current_tenant_id() references chassis.tenants (id) on delete cascade,
  number int not null check (number > 0),
  title text not null check (length(btrim(title)) between 1 and 300),
  status text not null default 'draft' check (
    status in ('draft', 'proposed', 'accepted', 'rejected', 'withdrawn', 'deprecated', 'superseded')
  ),
  status_raw text,
  implementation_status text not null default 'not_started' check (
    implementation_status in ('not_started', 'in_progress', 'implemented', 'verified', 'n/a')
  ),
  decision_date date not null default current_date,
  proposed_at timestamptz,
  decided_at timestamptz,
  decision_makers text [] not null default '{}',
  consulted text [] not null default '{}',
  informed text [] not null default '{}',
  context text not null default '',
  decision_drivers text [] not null default '{}',
  outcome_option_id uuid,
  outcome_justification text not null default '',
  consequences_good text [] not null default '{}',
  consequences_bad text [] not null default '{}',
  consequences_neutral text [] not null default '{}',
  confirmation text not null default '',
  more_information text not null default '',
  tags text [] not null default '{}',
  template text not null default 'madr4' check (template in ('madr4', 'madr4-minimal', 'nygard', 'custom')),
  extra_frontmatter jsonb not null default '{}' check (jsonb_typeof(extra_frontmatter) = 'object'),
  extra_sections jsonb not null default '[]' check (jsonb_typeof(extra_sections) = 'array'),
  source_format text check (source_format in ('madr2', 'madr3', 'madr4', 'nygard', 'log4brains')),
  source_path text,
  source_hash text,
  created_by uuid default chassis.current_user_id() references chassis.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (tenant_id, number),
  unique (tenant_id, id),
  unique (tenant_id, source_path)
);
comment on table architecture.decisions is
'ADRs per tenant. number is allocated by trigger and immutable; status moves only along the enforced lifecycle.';
comment on column architecture.decisions.decision_date is 'MADR "date": when the decision was last updated.';
comment on column architecture.decisions.status_raw is 'Imported status text that did not map onto the lifecycle.';
comment on column architecture.decisions.extra_frontmatter is 'Unknown front-matter keys, kept for lossless export.';
comment on column architecture.decisions.extra_sections is 'Unknown body sections [{heading, body}], kept verbatim.';
create index decisions_tenant_status_idx on architecture.decisions (tenant_id, status);
create index decisions_tags_idx on architecture.decisions using gin (tags);
alter table architecture.decisions enable row level security;
alter table architecture.decisions force row level security;
grant select on architecture.decisions to authenticated;
grant insert (
  tenant_id, number, title, status, status_raw, implementation_status, decision_date, decision_makers, consulted,
  informed, context, decision_drivers, outcome_option_id, outcome_justification, consequences_good, consequences_bad,
  consequences_neutral, confirmation, more_information, tags, template, extra_frontmatter, extra_sections,
  source_format, source_path, source_hash
) on architecture.decisions to authenticated;
-- number, tenant_id and created_* have no update grant: they are immutable.
grant update (
  title, status, status_raw, implementation_status, decision_date, proposed_at, decided_at, decision_makers,
  consulted, informed, context, decision_drivers, outcome_option_id, outcome_justification, consequences_good,
  consequences_bad, consequences_neutral, confirmation, more_information, tags, template, extra_frontmatter,
  extra_sections, source_format, source_path, source_hash, updated_at
) on architecture.decisions to authenticated;
