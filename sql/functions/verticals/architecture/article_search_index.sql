-- sql/functions/verticals/architecture/article_search_index.sql — (re)index one article in the vertical's search
-- under its tenant: title and plain text (from the shared feed item for feed articles). Layer: vertical.
-- Internal (no grants): called by the article and subscription triggers.
create function architecture.article_search_index(article_id uuid)
returns void
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_tenant uuid;
  v_title text;
  v_text text;
  v_url text;
begin
  select a.tenant_id, coalesce(a.title, i.title), coalesce(a.text, i.text), coalesce(a.url, i.link)
  into v_tenant, v_title, v_text, v_url
  from architecture.articles as a
  left join architecture.feed_items as i on i.id = a.feed_item_id
  where a.id = article_search_index.article_id;
  if not found then
    return;
  end if;
  perform architecture.search_index(
    'article', article_search_index.article_id::text, v_tenant, coalesce(nullif(v_title, ''), '(untitled)'),
    summary => left(coalesce(v_text, ''), 300), body => coalesce(v_text, ''), url => v_url
  );
end;
$$;
revoke all on function architecture.article_search_index(uuid) from public;
