-- sql/functions/engine/apply_corrections.sql — a derived payload with the newest correction of every field path
-- of (capture, kind) written over it. Layer: engine. Security invoker: RLS on corrections applies.
create function engine.apply_corrections(payload jsonb, capture_id uuid, kind text)
returns jsonb
language plpgsql stable
set search_path = ''
as $$
declare
  v_out jsonb := coalesce(apply_corrections.payload, '{}');
  v_row record;
begin
  for v_row in
    select distinct on (c.field_path) c.field_path, c.value
    from engine.corrections as c
    where c.capture_id = apply_corrections.capture_id and c.kind = apply_corrections.kind
    order by c.field_path, c.id desc
  loop
    v_out := pg_catalog.jsonb_set(v_out, pg_catalog.string_to_array(v_row.field_path, '.'), v_row.value, true);
  end loop;
  return v_out;
end;
$$;
grant execute on function engine.apply_corrections(jsonb, uuid, text) to authenticated, operator;
