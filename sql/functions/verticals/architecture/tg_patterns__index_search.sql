-- sql/functions/verticals/architecture/tg_patterns__index_search.sql — keep the 'pattern' search documents in step
-- with architecture.patterns. Layer: vertical. Definer: the index is written by the owner, not the caller.
create function architecture.tg_patterns__index_search()
returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if tg_op = 'DELETE' then
    perform architecture.search_unindex('pattern', old.id::text);
    return old;
  end if;
  perform architecture.search_index(
    'pattern', new.id::text, new.tenant_id, new.name, pg_catalog.array_to_string(new.also_known_as, ' '),
    new.summary, architecture.pattern_search_body(new), new.slug, '/patterns/' || new.slug, new.category,
    new.complexity, architecture.team_size_band(new.team_size)
  );
  return new;
end;
$$;
create trigger _500_index_search after insert or update or delete on architecture.patterns
for each row execute function architecture.tg_patterns__index_search();
