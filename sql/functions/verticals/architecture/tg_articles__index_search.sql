-- sql/functions/verticals/architecture/tg_articles__index_search.sql — keep articles in the vertical's search
-- index. Layer: vertical. Definer trigger: indexes title and plain text (from the shared feed item for feed
-- articles) under the article's tenant; removes the document when the article goes.
create function architecture.tg_articles__index_search()
returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  v_title text;
  v_text text;
  v_url text;
begin
  if tg_op = 'DELETE' then
    perform architecture.search_unindex('article', old.id::text);
    return old;
  end if;
  if new.kind = 'feed' then
    select i.title, i.text, i.link into v_title, v_text, v_url from architecture.feed_items as i where i.id = new.feed_item_id;
  else
    v_title := new.title;
    v_text := new.text;
    v_url := new.url;
  end if;
  perform architecture.search_index(
    'article', new.id::text, new.tenant_id, coalesce(nullif(v_title, ''), '(untitled)'),
    summary => left(coalesce(v_text, ''), 300), body => coalesce(v_text, ''), url => v_url
  );
  return new;
end;
$$;
revoke all on function architecture.tg_articles__index_search() from public;

create trigger _500_index_search after insert or update of content_hash, title on architecture.articles
for each row execute function architecture.tg_articles__index_search();
create trigger _500_unindex_search after delete on architecture.articles
for each row execute function architecture.tg_articles__index_search();
