-- sql/functions/verticals/architecture/decision_document.sql — an ADR's MADR content as one JSON document.
-- Layer: vertical. The shape architecture_decision_create/update/import take, and what the Markdown exporter
-- renders; import compares it to decide "unchanged".
create or replace function architecture.decision_document(decision_id uuid)
returns jsonb language sql stable set search_path = ''
as $$
  select jsonb_build_object(
    'title', d.title,
    'date', d.decision_date,
    'decision_makers', to_jsonb(d.decision_makers),
    'consulted', to_jsonb(d.consulted),
    'informed', to_jsonb(d.informed),
    'context', d.context,
    'decision_drivers', to_jsonb(d.decision_drivers),
    'options', coalesce((
      select jsonb_agg(jsonb_build_object(
        'title', o.title, 'description', o.description, 'pros', to_jsonb(o.pros), 'neutral', to_jsonb(o.neutral),
        'cons', to_jsonb(o.cons)
      ) order by o.ord)
      from architecture.decision_options as o where o.decision_id = d.id
    ), '[]'),
    'outcome', jsonb_build_object(
      'chosen_option', (select o.title from architecture.decision_options as o where o.id = d.outcome_option_id),
      'justification', d.outcome_justification
    ),
    'consequences', jsonb_build_object(
      'good', to_jsonb(d.consequences_good), 'bad', to_jsonb(d.consequences_bad),
      'neutral', to_jsonb(d.consequences_neutral)
    ),
    'confirmation', d.confirmation,
    'more_information', d.more_information,
    'tags', to_jsonb(d.tags),
    'template', d.template,
    'implementation_status', d.implementation_status,
    'extra_frontmatter', d.extra_frontmatter,
    'extra_sections', d.extra_sections
  )
  from architecture.decisions as d
  where d.id = decision_document.decision_id;
$$;
grant execute on function architecture.decision_document(uuid) to authenticated, sidecar;
