-- sql/api/verticals/architecture/architecture_decision_relations.sql — ADR links in both directions. Layer: vertical.
-- Each stored link appears once as `outgoing` from its source record (kind as stored) and, when it points at another
-- record, once as `incoming` on the target with the derived inverse (supersedes → superseded_by …).
create view api.architecture_decision_relations with (security_invoker = true) as
select
  l.id as link_id,
  l.decision_id,
  'outgoing' as direction,
  l.kind,
  l.kind as label,
  l.target_decision_id as other_decision_id,
  t.number as other_number,
  architecture.decision_ref(t.number) as other_ref,
  t.title as other_title,
  t.status as other_status,
  l.pattern_id,
  l.article_id,
  l.scope_note,
  l.created_by,
  l.created_at
from architecture.decision_links as l
left join architecture.decisions as t on l.target_decision_id = t.id
union all
select
  l.id as link_id,
  l.target_decision_id as decision_id,
  'incoming' as direction,
  l.kind,
  case l.kind
    when 'supersedes' then 'superseded_by'
    when 'amends' then 'amended_by'
    when 'extends' then 'extended_by'
    when 'depends_on' then 'depended_on_by'
    else l.kind
  end as label,
  l.decision_id as other_decision_id,
  s.number as other_number,
  architecture.decision_ref(s.number) as other_ref,
  s.title as other_title,
  s.status as other_status,
  null::uuid as pattern_id,
  null::uuid as article_id,
  l.scope_note,
  l.created_by,
  l.created_at
from architecture.decision_links as l
join architecture.decisions as s on l.decision_id = s.id
where l.target_decision_id is not null;
comment on view api.architecture_decision_relations is
'Typed ADR links, stored once, shown from both ends (label is the inverse on incoming rows).';
grant select on api.architecture_decision_relations to authenticated;
