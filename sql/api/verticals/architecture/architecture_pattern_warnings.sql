-- sql/api/verticals/architecture/architecture_pattern_warnings.sql — verified warnings against patterns.
-- Layer: vertical. The same rows decision review flags are raised from (architecture.pattern_warnings).
create view api.architecture_pattern_warnings with (security_invoker = true) as
select
  w.claim_id,
  w.pattern_id,
  p.slug as pattern_slug,
  w.article_id,
  coalesce(a.title, i.title) as article_title,
  coalesce(a.url, i.link) as article_url,
  w.statement,
  w.quote,
  w.created_at
from architecture.pattern_warnings as w
join architecture.patterns as p on w.pattern_id = p.id
join architecture.articles as a on w.article_id = a.id
left join architecture.feed_items as i on a.feed_item_id = i.id;
comment on view api.architecture_pattern_warnings is
'Claims, verified against article text, that warn against a pattern — grounds to review decisions relying on it.';
grant select on api.architecture_pattern_warnings to authenticated;
