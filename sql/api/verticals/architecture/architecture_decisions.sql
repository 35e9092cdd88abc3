-- sql/api/verticals/architecture/architecture_decisions.sql — ADRs as the caller may see them. Layer: vertical.
-- `superseded_by` lists the accepted records that supersede this one; `document` is the MADR content as JSON
-- (the shape the create/update/import RPCs take and the Markdown exporter renders).
create view api.architecture_decisions with (security_invoker = true) as
select
  d.id,
  d.number,
  architecture.decision_ref(d.number) as ref,
  architecture.decision_slug(d.title) as slug,
  d.title,
  d.status,
  d.status_raw,
  architecture.decision_next_statuses(d.status) as next_statuses,
  d.implementation_status,
  d.decision_date,
  d.proposed_at,
  d.decided_at,
  d.decision_makers,
  d.consulted,
  d.informed,
  d.context,
  d.decision_drivers,
  (select o.title from architecture.decision_options as o
where o.id = d.outcome_option_id) as chosen_option,
  d.outcome_justification,
  d.consequences_good,
  d.consequences_bad,
  d.consequences_neutral,
  d.confirmation,
  d.more_information,
  d.tags,
  d.template,
  d.extra_frontmatter,
  d.extra_sections,
  d.source_format,
  d.source_path,
  d.source_hash,
  array(
    select s.number from architecture.decision_links as l
    join architecture.decisions as s on l.decision_id = s.id
    where l.target_decision_id = d.id and l.kind = 'supersedes'
      and s.status in ('accepted', 'deprecated', 'superseded')
    order by s.number
  ) as superseded_by,
  (
    select count(*)::int from architecture.decision_review_flags as f
    where f.decision_id = d.id and f.state = 'open'
  ) as open_review_flags,
  architecture.decision_document(d.id) as document,
  d.created_by,
  d.created_at,
  d.updated_at,
  d.version
from architecture.decisions as d;
comment on view api.architecture_decisions is 'Architecture decision records of the current tenant (MADR 4 fields).';
grant select on api.architecture_decisions to authenticated;
-- PATCH edits content fields under the same RLS, grants and triggers (If-Match → PT409); status moves, numbers and
-- options go through the RPCs.
grant update (
  title, decision_date, decision_makers, consulted, informed, context, decision_drivers, outcome_justification,
  consequences_good, consequences_bad, consequences_neutral, confirmation, more_information, tags,
  implementation_status, version
) on api.architecture_decisions to authenticated;
