-- sql/api/verticals/architecture/architecture_decision_import_links.sql — links of an imported file.
-- Layer: vertical. links: [{kind, target_number, direction: outgoing | incoming, scope_note}]; returns
-- {linked, problems: [{link, problem}]}.
create or replace function api.architecture_decision_import_links(id uuid, links jsonb)
returns jsonb language sql volatile set search_path = ''
as $$
  select architecture.import_decision_links(architecture_decision_import_links.id, architecture_decision_import_links.links);
$$;
grant execute on function api.architecture_decision_import_links(uuid, jsonb) to authenticated;
