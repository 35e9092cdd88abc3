-- sql/schemas/verticals/architecture/search_20_documents.sql — one searchable document per indexed row.
-- Layer: vertical. Weights: title A > aliases and summary B > body C. tenant_id null = visible to every user.
create table architecture.search_documents (
  source text not null references architecture.search_sources (source) on delete cascade,
  ref_id text not null,
  tenant_id uuid references chassis.tenants (id) on delete cascade,
  title text not null,
  aliases text not null default '',
  summary text not null default '',
  body text not null default '',
  slug text,
  url text,
  category text,
  complexity smallint,
  team_size text,
  updated_at timestamptz not null default now(),
  tsv tsvector generated always as (
    setweight(to_tsvector('english'::regconfig, title), 'A')
    || setweight(to_tsvector('english'::regconfig, aliases || ' ' || summary), 'B')
    || setweight(to_tsvector('english'::regconfig, left(body, 200000)), 'C')
  ) stored,
  primary key (source, ref_id)
);
comment on table architecture.search_documents is
'Search index of the vertical: patterns, articles, decisions …; maintained by architecture.search_index().';
create index search_documents_tsv_idx on architecture.search_documents using gin (tsv);
create index search_documents_title_trgm_idx on architecture.search_documents
using gin (lower(title) extensions.gin_trgm_ops);
create index search_documents_tenant_id_idx on architecture.search_documents (tenant_id);
alter table architecture.search_documents enable row level security;
alter table architecture.search_documents force row level security;
grant select on architecture.search_documents to authenticated, operator;
