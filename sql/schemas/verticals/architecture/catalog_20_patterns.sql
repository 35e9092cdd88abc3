-- sql/schemas/verticals/architecture/catalog_20_patterns.sql — the pattern catalog, every section typed. Layer: vertical.
-- tenant_id null: global catalog (Layra import, operators); otherwise a tenant-private custom pattern.
-- JSONB sections are arrays of typed objects, checked by architecture.check_pattern_sections().
create table architecture.patterns (
  id uuid primary key default extensions.gen_random_uuid(),
  tenant_id uuid references chassis.tenants (id) on delete cascade,
  slug text not null check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name text not null check (length(btrim(name)) between 1 and 200),
  category text not null check (category ~ '^[a-z][a-z0-9-]*$'),
  complexity smallint not null check (complexity between 1 and 5),
  team_size text not null check (length(team_size) between 1 and 200),
  team_size_min int check (team_size_min >= 1),
  team_size_max int check (team_size_max >= team_size_min),
  summary text not null check (length(btrim(summary)) > 0),
  also_known_as text [] not null default '{}',
  when_to_use text [] not null check (cardinality(when_to_use) > 0),
  when_not_to_use text [] not null check (cardinality(when_not_to_use) > 0),
  key_components jsonb not null check (jsonb_typeof(key_components) = 'array'),
  pros jsonb not null check (jsonb_typeof(pros) = 'array'),
  cons jsonb not null check (jsonb_typeof(cons) = 'array'),
  tech_stacks jsonb not null default '[]' check (jsonb_typeof(tech_stacks) = 'array'),
  real_world_examples jsonb not null default '[]' check (jsonb_typeof(real_world_examples) = 'array'),
  decision_matrix jsonb not null default '[]' check (jsonb_typeof(decision_matrix) = 'array'),
  "references" jsonb not null default '[]' check (jsonb_typeof("references") = 'array'),
  overview text not null check (length(btrim(overview)) > 0),
  revision int not null default 1 check (revision > 0),
  content_hash text not null,
  created_by uuid default chassis.current_user_id() references chassis.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique nulls not distinct (tenant_id, slug)
);
comment on table architecture.patterns is
'Architecture patterns: the current revision of every section. Global rows have tenant_id null.';
comment on column architecture.patterns.content_hash is 'sha256 of the imported section payload; equal = unchanged.';
create index patterns_tenant_id_idx on architecture.patterns (tenant_id);
create index patterns_category_idx on architecture.patterns (category, complexity);
alter table architecture.patterns enable row level security;
alter table architecture.patterns force row level security;
grant select, insert, update, delete on architecture.patterns to authenticated;
grant select, insert, update, delete on architecture.patterns to operator;
