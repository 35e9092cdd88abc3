-- sql/schemas/verticals/architecture/catalog_10_imports.sql — one row per catalog import run. Layer: vertical.
-- tenant_id null = the global catalog (operators); otherwise a tenant's private patterns (tenant admins).
create table architecture.catalog_imports (
  id uuid primary key default extensions.gen_random_uuid(),
  tenant_id uuid references chassis.tenants (id) on delete cascade,
  source text not null check (length(source) between 1 and 2000),
  title text not null default '',
  declared_count int check (declared_count >= 0),
  warnings jsonb not null default '[]' check (jsonb_typeof(warnings) = 'array'),
  report jsonb check (jsonb_typeof(report) = 'object'),
  created_by uuid default chassis.current_user_id() references chassis.users (id) on delete set null,
  created_at timestamptz not null default now(),
  finished_at timestamptz
);
comment on table architecture.catalog_imports is
'Catalog import runs and their reports (counts per outcome, every warning). tenant_id null = global catalog.';
create index catalog_imports_tenant_id_idx on architecture.catalog_imports (tenant_id, created_at desc);
alter table architecture.catalog_imports enable row level security;
alter table architecture.catalog_imports force row level security;
grant select, insert (tenant_id, source, title, declared_count, warnings), update (warnings, report, finished_at)
on architecture.catalog_imports to authenticated;
grant select, insert, update on architecture.catalog_imports to operator;

-- What each pattern of a run did: created, revised or unchanged.
create table architecture.catalog_import_items (
  import_id uuid not null references architecture.catalog_imports (id) on delete cascade,
  tenant_id uuid references chassis.tenants (id) on delete cascade,
  slug text not null,
  outcome text not null check (outcome in ('created', 'revised', 'unchanged')),
  revision int not null check (revision > 0),
  primary key (import_id, slug)
);
comment on table architecture.catalog_import_items is 'Per-pattern outcome of one import run.';
create index catalog_import_items_tenant_id_idx on architecture.catalog_import_items (tenant_id);
alter table architecture.catalog_import_items enable row level security;
alter table architecture.catalog_import_items force row level security;
grant select, insert on architecture.catalog_import_items to authenticated;
grant select, insert on architecture.catalog_import_items to operator;
