-- sql/functions/verticals/architecture/tg_articles__index_search.sql — keep articles in the vertical's search
-- index. Layer: vertical. Definer trigger: (re)indexes on insert and content change, removes on delete.
create function architecture.tg_articles__index_search()
returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if tg_op = 'DELETE' then
    perform architecture.search_unindex('article', old.id::text);
    return old;
  end if;
  perform architecture.article_search_index(new.id);
  return new;
end;
$$;
revoke all on function architecture.tg_articles__index_search() from public;

create trigger _500_index_search after insert or update of content_hash, title on architecture.articles
for each row execute function architecture.tg_articles__index_search();
create trigger _500_unindex_search after delete on architecture.articles
for each row execute function architecture.tg_articles__index_search();
