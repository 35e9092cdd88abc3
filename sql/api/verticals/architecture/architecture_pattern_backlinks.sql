-- sql/api/verticals/architecture/architecture_pattern_backlinks.sql — per pattern, the articles that discuss
-- it. Layer: vertical. One row per (pattern, article): stances from both interpreters, mention count, the first
-- evidence quote; filter with ?pattern_slug=eq.saga-pattern.
create view api.architecture_pattern_backlinks with (security_invoker = true) as
select
  ap.pattern_id,
  p.slug as pattern_slug,
  p.name as pattern_name,
  ap.article_id,
  coalesce(a.title, i.title) as article_title,
  coalesce(a.url, i.link) as article_url,
  coalesce(i.published_at, a.created_at) as article_date,
  array_agg(distinct ap.stance order by ap.stance) as stances,
  max(ap.mention_count) as mention_count,
  bool_or(ap.verified) as verified,
  (array_agg(ap.evidence -> 0 order by ap.source) filter (where jsonb_array_length(ap.evidence) > 0))[1] as evidence
from architecture.article_patterns as ap
join architecture.patterns as p on ap.pattern_id = p.id
join architecture.articles as a on ap.article_id = a.id
left join architecture.feed_items as i on a.feed_item_id = i.id
group by ap.pattern_id, p.slug, p.name, ap.article_id, a.title, i.title, a.url, i.link, i.published_at, a.created_at;
comment on view api.architecture_pattern_backlinks is
'Backlinks: for each pattern, the tenant''s articles that discuss it, with stances and a sample quote.';
grant select on api.architecture_pattern_backlinks to authenticated;
