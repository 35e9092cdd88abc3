-- sql/functions/verticals/architecture/advisor_condition_holds.sql — does a rule condition hold for (validated)
-- answers? {"all": [{"q", "op": eq|in|gte|lte|true, "v"}]}; an empty list always holds. Layer: vertical.
create function architecture.advisor_condition_holds(condition jsonb, answers jsonb)
returns boolean
language sql immutable parallel safe
set search_path = ''
as $$
  select coalesce(pg_catalog.bool_and(case c ->> 'op'
    when 'eq' then a.v = c -> 'v'
    when 'in' then (c -> 'v') @> pg_catalog.jsonb_build_array(a.v)
    when 'gte' then (a.v::text)::numeric >= (c ->> 'v')::numeric
    when 'lte' then (a.v::text)::numeric <= (c ->> 'v')::numeric
    when 'true' then a.v = 'true'::jsonb
  end), true)
  from pg_catalog.jsonb_array_elements(advisor_condition_holds.condition -> 'all') as c
  cross join lateral (select advisor_condition_holds.answers -> (c ->> 'q') as v) as a;
$$;
grant execute on function architecture.advisor_condition_holds(jsonb, jsonb) to authenticated, sidecar, operator;
