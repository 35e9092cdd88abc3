-- sql/schemas/verticals/architecture/insights_30_pattern_warnings.sql — verified "warns against" claims per
-- pattern: the signal decision review flags are raised from. Layer: vertical.
create view architecture.pattern_warnings with (security_invoker = true) as
select
  c.tenant_id,
  c.pattern_id,
  c.id as claim_id,
  c.article_id,
  c.statement,
  c.quote,
  c.quote_start,
  c.quote_end,
  c.match,
  c.created_at
from architecture.article_claims as c
where c.stance = 'warns_against' and c.verification = 'verified' and c.pattern_id is not null;
comment on view architecture.pattern_warnings is
'Engine-verified claims that warn against a pattern, one row per claim (article, statement, quote).';
grant select on architecture.pattern_warnings to authenticated, sidecar;
