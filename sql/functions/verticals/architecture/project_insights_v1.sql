-- sql/functions/verticals/architecture/project_insights_v1.sql — project the LLM interpreter's verified output
-- (architecture.insights) into links, claims and trade-offs.
-- Layer: vertical. Called by the sidecar, or by an engine reducer running as a member of the article's tenant
-- (another tenant's article is not found).
-- insights: {patterns: [{pattern_slug, stance, evidence: [{quote, start, end, match, score}]}],
--            claims: [{kind, statement, pattern_slug, stance, quote, start, end, match, score}]}
-- where match is the engine's quote check (exact | normalised | loose | segments = verified; fuzzy | none =
-- needs_review). Claim ids are derived from (article, content hash, position), so re-running is idempotent.
-- A verified claim that warns against a pattern flags the tenant's accepted decisions relying on it
-- (architecture.flag_decisions_for_pattern_warning). Stale results return null.
create function architecture.project_insights_v1(
  article_id uuid, content_hash text, insights jsonb, interpretation_id uuid default null
)
returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_source jsonb := architecture.article_source_v1(project_insights_v1.article_id);
  v_tenant uuid := (v_source ->> 'tenant_id')::uuid;
  v_links int;
  v_claims int;
  v_flags int := 0;
  v_claim record;
begin
  if v_source is null or v_tenant is distinct from coalesce(chassis.current_tenant_id(), v_tenant) then
    raise sqlstate 'PT404' using message = 'article not found';
  end if;
  if v_source ->> 'content_hash' is distinct from project_insights_v1.content_hash then
    return null;
  end if;
  delete from architecture.article_patterns as ap
  where ap.article_id = project_insights_v1.article_id and ap.source = 'insights';
  delete from architecture.article_claims as c where c.article_id = project_insights_v1.article_id;

  insert into architecture.article_patterns (
    tenant_id, article_id, pattern_id, source, stance, mention_count, evidence, verified, content_hash,
    interpretation_id
  )
  select distinct on (m.pattern_id) v_tenant, project_insights_v1.article_id, m.pattern_id, 'insights', m.stance,
    greatest(jsonb_array_length(m.evidence), 1), m.evidence,
    coalesce((
      select bool_and(e.value ->> 'match' in ('exact', 'normalised', 'loose', 'segments'))
      from jsonb_array_elements(m.evidence) as e
    ), false),
    project_insights_v1.content_hash, project_insights_v1.interpretation_id
  from (
    select architecture.resolve_pattern(v_tenant, x.value ->> 'pattern_slug') as pattern_id,
      x.value ->> 'stance' as stance, coalesce(x.value -> 'evidence', '[]') as evidence
    from jsonb_array_elements(coalesce(project_insights_v1.insights -> 'patterns', '[]')) as x
  ) as m
  where m.pattern_id is not null;
  get diagnostics v_links = row_count;

  insert into architecture.article_claims (
    id, tenant_id, article_id, pattern_id, kind, stance, statement, quote, quote_start, quote_end, match, score,
    verification, ord, content_hash, interpretation_id
  )
  select
    pg_catalog.md5(project_insights_v1.article_id::text || ':' || project_insights_v1.content_hash || ':' || x.ord)::uuid,
    v_tenant, project_insights_v1.article_id,
    architecture.resolve_pattern(v_tenant, x.value ->> 'pattern_slug'),
    coalesce(x.value ->> 'kind', 'claim'), x.value ->> 'stance', x.value ->> 'statement', coalesce(x.value ->> 'quote', ''),
    (x.value ->> 'start')::int, (x.value ->> 'end')::int, coalesce(x.value ->> 'match', 'none'),
    (x.value ->> 'score')::real,
    case when x.value ->> 'match' in ('exact', 'normalised', 'loose', 'segments') then 'verified' else 'needs_review' end,
    x.ord::int, project_insights_v1.content_hash, project_insights_v1.interpretation_id
  from jsonb_array_elements(coalesce(project_insights_v1.insights -> 'claims', '[]')) with ordinality as x (value, ord);
  get diagnostics v_claims = row_count;

  for v_claim in
    select c.id, c.pattern_id, c.statement, c.quote
    from architecture.article_claims as c
    where c.article_id = project_insights_v1.article_id and c.stance = 'warns_against'
      and c.verification = 'verified' and c.pattern_id is not null
  loop
    v_flags := v_flags + architecture.flag_decisions_for_pattern_warning(
      v_tenant, v_claim.pattern_id, v_claim.id,
      jsonb_build_object(
        'article_id', project_insights_v1.article_id, 'title', v_source ->> 'title', 'url', v_source ->> 'url',
        'statement', v_claim.statement, 'quote', v_claim.quote, 'stance', 'warns_against'
      )
    );
  end loop;
  return jsonb_build_object('links', v_links, 'claims', v_claims, 'flags', v_flags);
end;
$$;
revoke all on function architecture.project_insights_v1(uuid, text, jsonb, uuid) from public;
grant execute on function architecture.project_insights_v1(uuid, text, jsonb, uuid) to authenticated, sidecar;
