-- sql/api/verticals/architecture/architecture_article_claims.sql — claims and trade-offs with verification.
-- Layer: vertical. verification 'verified' only for quotes the engine found in the article text; anything
-- else is 'needs_review' and must not be presented as evidence.
create view api.architecture_article_claims with (security_invoker = true) as
select
  c.id,
  c.article_id,
  c.kind,
  c.pattern_id,
  p.slug as pattern_slug,
  c.stance,
  c.statement,
  c.quote,
  c.quote_start,
  c.quote_end,
  c.match,
  c.score,
  c.verification,
  c.ord,
  c.created_at
from architecture.article_claims as c
left join architecture.patterns as p on c.pattern_id = p.id;
comment on view api.architecture_article_claims is
'LLM-extracted claims and trade-offs of an article, each with its evidence quote and verification status.';
grant select on api.architecture_article_claims to authenticated;
