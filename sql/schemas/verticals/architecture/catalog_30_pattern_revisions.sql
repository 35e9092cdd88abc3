-- sql/schemas/verticals/architecture/catalog_30_pattern_revisions.sql — every revision of a pattern, kept.
-- Layer: vertical. A re-import with changed content adds a row; unchanged content adds nothing.
create table architecture.pattern_revisions (
  pattern_id uuid not null references architecture.patterns (id) on delete cascade,
  revision int not null check (revision > 0),
  tenant_id uuid references chassis.tenants (id) on delete cascade,
  content jsonb not null check (jsonb_typeof(content) = 'object'),
  content_hash text not null,
  import_id uuid references architecture.catalog_imports (id) on delete set null,
  created_by uuid default chassis.current_user_id() references chassis.users (id) on delete set null,
  created_at timestamptz not null default now(),
  primary key (pattern_id, revision)
);
comment on table architecture.pattern_revisions is 'Append-only history of pattern content (the full section payload).';
create index pattern_revisions_tenant_id_idx on architecture.pattern_revisions (tenant_id);
create index pattern_revisions_import_id_idx on architecture.pattern_revisions (import_id);
alter table architecture.pattern_revisions enable row level security;
alter table architecture.pattern_revisions force row level security;
grant select, insert on architecture.pattern_revisions to authenticated;
grant select, insert on architecture.pattern_revisions to operator;
