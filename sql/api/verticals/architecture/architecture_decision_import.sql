-- sql/api/verticals/architecture/architecture_decision_import.sql — import one parsed ADR file. Layer: vertical.
-- Called by the sidecar's Markdown importer (or any client holding a parsed document). Returns
-- {id, number, ref, action: created | updated | unchanged, requested_number}.
create or replace function api.architecture_decision_import(
  document jsonb, number int default null, status text default 'draft', status_raw text default null,
  source_format text default null, source_path text default null, uid uuid default null
)
returns jsonb language sql volatile set search_path = ''
as $$
  select architecture.import_decision(
    architecture_decision_import.document, architecture_decision_import.number, architecture_decision_import.status,
    architecture_decision_import.status_raw, architecture_decision_import.source_format,
    architecture_decision_import.source_path, architecture_decision_import.uid
  );
$$;
grant execute on function api.architecture_decision_import(jsonb, int, text, text, text, text, uuid) to authenticated;
