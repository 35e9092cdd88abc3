-- sql/api/verticals/architecture/architecture_decision_lint.sql — integrity problems of the tenant's ADRs.
-- Layer: vertical. One row per problem: a superseded record no accepted record supersedes (dangling), accepted
-- records that conflict with each other, accepted records amended more than three times (supersede instead),
-- proposals open for more than 30 days, accepted records last updated more than two years ago.
create view api.architecture_decision_lint with (security_invoker = true) as
select d.id as decision_id, d.number, architecture.decision_ref(d.number) as ref, d.title,
  'dangling_supersession' as problem,
  'superseded, but no accepted record supersedes it' as message,
  null::uuid as related_decision_id
from architecture.decisions as d
where d.status = 'superseded' and not exists (
  select 1 from architecture.decision_links as l
  inner join architecture.decisions as s on l.decision_id = s.id
  where l.target_decision_id = d.id and l.kind = 'supersedes' and s.status in ('accepted', 'deprecated', 'superseded')
)
union all
select d.id as decision_id, d.number, architecture.decision_ref(d.number) as ref, d.title,
  'conflicting_accepted' as problem,
  'accepted, and conflicts with accepted ' || architecture.decision_ref(o.number) as message,
  o.id as related_decision_id
from architecture.decision_links as l
inner join architecture.decisions as d on l.decision_id = d.id
inner join architecture.decisions as o on l.target_decision_id = o.id
where l.kind = 'conflicts_with' and d.status = 'accepted' and o.status = 'accepted'
union all
select d.id as decision_id, d.number, architecture.decision_ref(d.number) as ref, d.title,
  'many_amendments' as problem,
  count(*) || ' amendments: consider superseding it' as message,
  null::uuid as related_decision_id
from architecture.decision_links as l
inner join architecture.decisions as d on l.target_decision_id = d.id
where l.kind = 'amends' and d.status = 'accepted'
group by d.id, d.number, d.title
having count(*) > 3
union all
select d.id as decision_id, d.number, architecture.decision_ref(d.number) as ref, d.title,
  'stale_proposal' as problem,
  'proposed ' || (current_date - d.proposed_at::date) || ' days ago and not decided' as message,
  null::uuid as related_decision_id
from architecture.decisions as d
where d.status = 'proposed' and d.proposed_at < now() - interval '30 days'
union all
select d.id as decision_id, d.number, architecture.decision_ref(d.number) as ref, d.title,
  'outdated' as problem,
  'accepted and not updated since ' || d.decision_date || ': probably outdated' as message,
  null::uuid as related_decision_id
from architecture.decisions as d
where d.status = 'accepted' and d.decision_date < current_date - interval '2 years';
comment on view api.architecture_decision_lint is
'ADR integrity problems: dangling supersessions, accepted conflicts, too many amendments, stale and old records.';
grant select on api.architecture_decision_lint to authenticated;
