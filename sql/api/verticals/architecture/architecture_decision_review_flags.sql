-- sql/api/verticals/architecture/architecture_decision_review_flags.sql — accepted ADRs to re-check. Layer: vertical.
create view api.architecture_decision_review_flags with (security_invoker = true) as
select
  f.id,
  f.decision_id,
  d.number,
  architecture.decision_ref(d.number) as ref,
  d.title,
  f.pattern_id,
  f.claim_id,
  f.evidence,
  f.state,
  f.resolution_note,
  f.resolved_by,
  f.resolved_at,
  f.created_at
from architecture.decision_review_flags as f
join architecture.decisions as d on f.decision_id = d.id;
comment on view api.architecture_decision_review_flags is
'Records flagged because a verified claim warns against a pattern they rely on, with the evidence.';
grant select on api.architecture_decision_review_flags to authenticated;
