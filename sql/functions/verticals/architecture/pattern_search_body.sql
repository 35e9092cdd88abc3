-- sql/functions/verticals/architecture/pattern_search_body.sql — the body text of a pattern for search (every
-- section but name, aliases and summary, which carry higher weights). Layer: vertical.
create function architecture.pattern_search_body(p architecture.patterns)
returns text
language sql immutable
set search_path = ''
as $$
  select pg_catalog.concat_ws(
    ' ',
    pg_catalog.array_to_string(p.when_to_use, ' '),
    pg_catalog.array_to_string(p.when_not_to_use, ' '),
    (select pg_catalog.string_agg(concat_ws(' ', e ->> 'name', e ->> 'description'), ' ')
     from pg_catalog.jsonb_array_elements(p.key_components) as e),
    (select pg_catalog.string_agg(e ->> 'text', ' ') from pg_catalog.jsonb_array_elements(p.pros || p.cons) as e),
    (select pg_catalog.string_agg(concat_ws(' ', e ->> 'label', e ->> 'text'), ' ')
     from pg_catalog.jsonb_array_elements(p.tech_stacks) as e),
    (select pg_catalog.string_agg(concat_ws(' ', e ->> 'organization', e ->> 'product', e ->> 'text'), ' ')
     from pg_catalog.jsonb_array_elements(p.real_world_examples) as e),
    (select pg_catalog.string_agg(concat_ws(' ', e ->> 'versus', e ->> 'text'), ' ')
     from pg_catalog.jsonb_array_elements(p.decision_matrix) as e),
    p.overview
  );
$$;
grant execute on function architecture.pattern_search_body(architecture.patterns) to authenticated, sidecar, operator;
