-- sql/api/verticals/architecture/architecture_decisions_by_pattern.sql — each pattern's linked ADRs (radar).
-- Layer: vertical. Join on pattern_id from the radar to show which decisions rely on a pattern.
create view api.architecture_decisions_by_pattern with (security_invoker = true) as
select
  l.pattern_id,
  d.id as decision_id,
  d.number,
  architecture.decision_ref(d.number) as ref,
  d.title,
  d.status,
  d.decision_date,
  (
    select count(*)::int from architecture.decision_review_flags as f
    where f.decision_id = d.id and f.pattern_id = l.pattern_id and f.state = 'open'
  ) as open_review_flags
from architecture.decision_links as l
join architecture.decisions as d on l.decision_id = d.id
where l.kind = 'relies_on';
comment on view api.architecture_decisions_by_pattern is 'Decisions that rely on each pattern, with open review flags.';
grant select on api.architecture_decisions_by_pattern to authenticated;
