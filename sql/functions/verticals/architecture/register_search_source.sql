-- sql/functions/verticals/architecture/register_search_source.sql — declare a searchable source (idempotent).
-- Layer: vertical. Called from load-time registration files: select architecture.register_search_source('adr', 'ADRs').
create function architecture.register_search_source(source text, label text)
returns void
language sql volatile
set search_path = ''
as $$
  insert into architecture.search_sources (source, label)
  values (register_search_source.source, register_search_source.label)
  on conflict (source) do update set label = excluded.label;
$$;
revoke all on function architecture.register_search_source(text, text) from public;
