-- sql/schemas/verticals/architecture/search_10_sources.sql — searchable sources of the vertical. Layer: vertical.
-- Parts of the vertical register a source once (architecture.register_search_source) and keep their rows in
-- architecture.search_documents through architecture.search_index / search_unindex, usually from a trigger.
create table architecture.search_sources (
  source text primary key check (source ~ '^[a-z][a-z0-9_]*$'),
  label text not null,
  created_at timestamptz not null default now()
);
comment on table architecture.search_sources is 'Registered search sources (pattern, article, decision …).';
alter table architecture.search_sources enable row level security;
alter table architecture.search_sources force row level security;
grant select on architecture.search_sources to authenticated, operator;
