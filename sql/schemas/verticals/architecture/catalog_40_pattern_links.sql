-- sql/schemas/verticals/architecture/catalog_40_pattern_links.sql — "Related Patterns" edges. Layer: vertical.
-- Stored one direction, by target slug (the target may be imported later); views derive the inverse.
-- to_slug null = the link did not resolve (kept, and reported by the import).
create table architecture.pattern_links (
  pattern_id uuid not null references architecture.patterns (id) on delete cascade,
  ord int not null check (ord > 0),
  tenant_id uuid references chassis.tenants (id) on delete cascade,
  to_slug text check (to_slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  label text not null,
  source_slug text not null,
  url text,
  resolution text not null check (resolution in ('exact', 'alias', 'tokens', 'partial', 'unresolved', 'manual')),
  primary key (pattern_id, ord)
);
comment on table architecture.pattern_links is 'Related-pattern edges as found in the source, resolved to catalog slugs.';
create index pattern_links_to_slug_idx on architecture.pattern_links (to_slug);
create index pattern_links_tenant_id_idx on architecture.pattern_links (tenant_id);
alter table architecture.pattern_links enable row level security;
alter table architecture.pattern_links force row level security;
grant select, insert, delete on architecture.pattern_links to authenticated;
grant select, insert, delete on architecture.pattern_links to operator;
