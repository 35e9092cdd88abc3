-- sql/api/verticals/architecture/architecture_articles.sql — the tenant's articles. Layer: vertical.
-- Feed entries (content shared across tenants) and documents; html is sanitised, text is for search and quotes.
-- interpreted is false while the current content waits for its interpreters.
create view api.architecture_articles with (security_invoker = true) as
select
  a.id,
  a.kind,
  coalesce(a.title, i.title) as title,
  coalesce(a.url, i.link) as url,
  coalesce(a.html, i.html) as html,
  coalesce(a.text, i.text) as text,
  a.format,
  a.feed_id,
  f.title as feed_title,
  i.author,
  i.tags,
  i.published_at,
  coalesce(i.first_seen_at, a.created_at) as received_at,
  coalesce(i.revision, 1) as revision,
  a.content_hash,
  (a.interpreted_hash is not distinct from a.content_hash) as interpreted,
  a.created_by,
  a.created_at,
  greatest(a.updated_at, i.updated_at) as updated_at
from architecture.articles as a
left join architecture.feed_items as i on a.feed_item_id = i.id
left join architecture.feeds as f on a.feed_id = f.id;
comment on view api.architecture_articles is
'Articles of the tenant: sanitised HTML, plain text, source feed or document, dates, interpretation state.';
grant select on api.architecture_articles to authenticated;
