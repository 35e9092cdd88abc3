-- sql/functions/verticals/architecture/search_unindex.sql — remove one document from the search index.
-- Layer: vertical. Call it from the source's security definer delete trigger.
create function architecture.search_unindex(source text, ref_id text)
returns void
language sql volatile
set search_path = ''
as $$
  delete from architecture.search_documents as d
  where d.source = search_unindex.source and d.ref_id = search_unindex.ref_id;
$$;
revoke all on function architecture.search_unindex(text, text) from public;
