-- sql/api/verticals/architecture/architecture_article_patterns.sql — article ↔ pattern links. Layer: vertical.
-- source mentions = deterministic name/alias finder; insights = LLM with a stance. evidence: [{quote, start,
-- end, status|match}]; verified is true only when every quote was found in the article text.
create view api.architecture_article_patterns with (security_invoker = true) as
select
  ap.id,
  ap.article_id,
  ap.pattern_id,
  p.slug as pattern_slug,
  p.name as pattern_name,
  ap.source,
  ap.stance,
  ap.mention_count,
  ap.evidence,
  ap.verified,
  ap.created_at
from architecture.article_patterns as ap
join architecture.patterns as p on ap.pattern_id = p.id;
comment on view api.architecture_article_patterns is
'Which catalog patterns each article discusses, with stance and evidence quotes.';
grant select on api.architecture_article_patterns to authenticated;
