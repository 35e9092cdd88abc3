-- sql/functions/verticals/architecture/jsonb_items_have.sql — true when items is an array of objects whose listed
-- keys all hold non-empty strings. Layer: vertical.
create function architecture.jsonb_items_have(items jsonb, keys text [])
returns boolean
language sql immutable parallel safe
set search_path = ''
as $$
  select pg_catalog.jsonb_typeof(jsonb_items_have.items) = 'array' and not exists (
    select 1
    from pg_catalog.jsonb_array_elements(jsonb_items_have.items) as e, pg_catalog.unnest(jsonb_items_have.keys) as k
    where pg_catalog.jsonb_typeof(e) <> 'object' or pg_catalog.jsonb_typeof(e -> k) is distinct from 'string'
      or pg_catalog.btrim(e ->> k) = ''
  );
$$;
grant execute on function architecture.jsonb_items_have(jsonb, text []) to authenticated, sidecar, operator;
