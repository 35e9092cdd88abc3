-- sql/functions/verticals/architecture/advisor_answer_problems.sql — every problem with a set of advisor answers:
-- unknown keys, missing keys, wrong types, values outside the choices or range. Empty when valid. Layer: vertical.
create function architecture.advisor_answer_problems(answers jsonb)
returns text []
language sql stable
set search_path = ''
as $$
  select case
    when pg_catalog.jsonb_typeof(advisor_answer_problems.answers) is distinct from 'object'
      then array['answers must be a JSON object']
    else coalesce((
      select pg_catalog.array_agg(problem order by grp, key)
      from (
        select 1 as grp, k as key, pg_catalog.format('unknown answer: %s', k) as problem
        from pg_catalog.jsonb_object_keys(advisor_answer_problems.answers) as k
        where not exists (select 1 from architecture.advisor_questions as q where q.key = k)
        union all
        select 2, q.key, pg_catalog.format('missing answer: %s', q.key)
        from architecture.advisor_questions as q
        where not advisor_answer_problems.answers ? q.key
        union all
        select 3, q.key, case
          when q.kind = 'boolean' and pg_catalog.jsonb_typeof(v) <> 'boolean'
            then pg_catalog.format('invalid answer: %s must be true or false', q.key)
          when q.kind = 'integer' and (pg_catalog.jsonb_typeof(v) <> 'number' or v::text !~ '^-?[0-9]+$')
            then pg_catalog.format('invalid answer: %s must be a whole number', q.key)
          when q.kind = 'integer' and (v::text::numeric < q.min_value or v::text::numeric > q.max_value)
            then pg_catalog.format('invalid answer: %s must be between %s and %s', q.key, q.min_value, q.max_value)
          when q.kind = 'choice' and (pg_catalog.jsonb_typeof(v) <> 'string' or not (v #>> '{}') = any(q.choices))
            then pg_catalog.format('invalid answer: %s must be one of %s', q.key,
              pg_catalog.array_to_string(q.choices, ', '))
        end
        from architecture.advisor_questions as q
        cross join lateral (select advisor_answer_problems.answers -> q.key as v) as a
        where advisor_answer_problems.answers ? q.key
      ) as problems
      where problem is not null
    ), '{}')
  end;
$$;
grant execute on function architecture.advisor_answer_problems(jsonb) to authenticated, sidecar, operator;
