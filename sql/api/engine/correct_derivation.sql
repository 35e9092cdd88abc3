-- sql/api/engine/correct_derivation.sql — RPC /rpc/correct_derivation: set one derived field by hand; the
-- correction is what api.derived_values shows from now on, whatever re-derivation produces. Layer: engine.
create function api.correct_derivation(capture_id uuid, kind text, field_path text, value jsonb)
returns bigint
language sql volatile
set search_path = ''
as $$
  select engine.correct(correct_derivation.capture_id, correct_derivation.kind, correct_derivation.field_path,
    correct_derivation.value);
$$;
grant execute on function api.correct_derivation(uuid, text, text, jsonb) to authenticated;
