-- sql/functions/verticals/architecture/jsonb_text_array.sql — a JSON array of strings as text[]. Layer: vertical.
create or replace function architecture.jsonb_text_array(value jsonb, field text)
returns text [] language plpgsql immutable set search_path = ''
as $$
#variable_conflict use_column
declare
  v_result text [];
begin
  if jsonb_text_array.value is null or jsonb_typeof(jsonb_text_array.value) = 'null' then
    return '{}';
  end if;
  if jsonb_typeof(jsonb_text_array.value) <> 'array' or exists (
    select 1 from jsonb_array_elements(jsonb_text_array.value) as e (v) where jsonb_typeof(e.v) <> 'string'
  ) then
    raise sqlstate 'PT400' using message = format('%s must be an array of strings', jsonb_text_array.field);
  end if;
  select coalesce(array_agg(e.v order by e.ord), '{}') into v_result
  from jsonb_array_elements_text(jsonb_text_array.value) with ordinality as e (v, ord);
  return v_result;
end;
$$;
grant execute on function architecture.jsonb_text_array(jsonb, text) to authenticated, sidecar;
