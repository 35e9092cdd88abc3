-- sql/functions/verticals/architecture/flag_decisions_for_pattern_warning.sql — review flags from warnings.
-- Layer: vertical. Called by the insights reducer when a verified claim warns against a pattern: every accepted
-- record of that tenant that relies_on the pattern gets one open flag per claim, carrying the evidence
-- (quote, article, stance…), as architecture.project_insights_v1 passes it. Idempotent per claim and per (article,
-- quote); returns how many flags were raised.
create or replace function architecture.flag_decisions_for_pattern_warning(
  tenant_id uuid, pattern_id uuid, claim_id uuid, evidence jsonb default '{}'
)
returns int language plpgsql volatile security definer set search_path = ''
as $$
#variable_conflict use_column
declare
  v_count int;
begin
  insert into architecture.decision_review_flags (tenant_id, decision_id, pattern_id, claim_id, evidence)
  select d.tenant_id, d.id, l.pattern_id, flag_decisions_for_pattern_warning.claim_id,
    coalesce(flag_decisions_for_pattern_warning.evidence, '{}')
  from architecture.decision_links as l
  join architecture.decisions as d on d.id = l.decision_id
  where l.kind = 'relies_on' and l.pattern_id = flag_decisions_for_pattern_warning.pattern_id
    and d.tenant_id = flag_decisions_for_pattern_warning.tenant_id and d.status = 'accepted'
    -- A re-interpreted article re-creates its claims: the same quote from the same article flags once.
    and not exists (
      select 1 from architecture.decision_review_flags as f
      where f.decision_id = d.id and f.pattern_id = l.pattern_id
        and f.evidence ->> 'article_id' is not distinct from flag_decisions_for_pattern_warning.evidence ->> 'article_id'
        and f.evidence ->> 'quote' is not distinct from flag_decisions_for_pattern_warning.evidence ->> 'quote'
        and f.evidence ? 'quote'
    )
  on conflict (decision_id, claim_id) do nothing;
  get diagnostics v_count = row_count;
  return v_count;
end;
$$;
revoke all on function architecture.flag_decisions_for_pattern_warning(uuid, uuid, uuid, jsonb) from public;
grant execute on function architecture.flag_decisions_for_pattern_warning(uuid, uuid, uuid, jsonb) to sidecar;
