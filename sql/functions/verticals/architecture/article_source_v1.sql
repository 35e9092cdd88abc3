-- sql/functions/verticals/architecture/article_source_v1.sql — the text interpreters read for one article.
-- Layer: vertical. {article_id, tenant_id, title, url, text, content_hash, interpreted_hash}, or null when the
-- article does not exist. Sidecar only (users read articles through api.architecture_articles).
create function architecture.article_source_v1(article_id uuid)
returns jsonb
language sql stable security definer
set search_path = ''
as $$
  select jsonb_build_object(
    'article_id', a.id, 'tenant_id', a.tenant_id, 'title', coalesce(a.title, i.title), 'url', coalesce(a.url, i.link),
    'text', coalesce(a.text, i.text), 'content_hash', a.content_hash, 'interpreted_hash', a.interpreted_hash
  )
  from architecture.articles as a
  left join architecture.feed_items as i on i.id = a.feed_item_id
  where a.id = article_source_v1.article_id;
$$;
revoke all on function architecture.article_source_v1(uuid) from public;
grant execute on function architecture.article_source_v1(uuid) to sidecar;
