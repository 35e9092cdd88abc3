-- sql/api/verticals/architecture/architecture_save_custom_pattern.sql — create or revise one tenant-private
-- pattern from the parser's JSON shape (a one-pattern import run). Layer: vertical. Owners and admins only.
create function api.architecture_save_custom_pattern(pattern jsonb)
returns jsonb
language plpgsql volatile
set search_path = ''
as $$
declare
  v_import_id uuid := architecture.catalog_import_begin_v1('tenant', 'api');
  v_result jsonb;
begin
  v_result := architecture.catalog_import_pattern_v1(v_import_id, architecture_save_custom_pattern.pattern);
  perform architecture.catalog_import_finish_v1(v_import_id);
  return v_result || pg_catalog.jsonb_build_object('import_id', v_import_id);
end;
$$;
grant execute on function api.architecture_save_custom_pattern(jsonb) to authenticated;
