-- sql/functions/verticals/architecture/pattern_payload_problems.sql — what is wrong with a pattern payload (the
-- parser's JSON shape), one message per section; empty when valid. Layer: vertical.
create function architecture.pattern_payload_problems(pattern jsonb)
returns text []
language sql immutable
set search_path = ''
as $$
  with p (v) as (select pattern_payload_problems.pattern)
  select coalesce(pg_catalog.array_agg(problem order by ord), '{}')
  from p, lateral (values
    (1, case when pg_catalog.jsonb_typeof(v) <> 'object' then 'pattern must be a JSON object' end),
    (2, case when coalesce(v ->> 'slug', '') !~ '^[a-z0-9]+(-[a-z0-9]+)*$' then 'slug: lower-case words joined by -' end),
    (3, case when coalesce(pg_catalog.btrim(v ->> 'name'), '') = '' then 'name: required' end),
    (4, case when coalesce(v ->> 'category', '') !~ '^[a-z][a-z0-9-]*$' then 'category: a lower-case word' end),
    (5, case when coalesce(v ->> 'complexity', '') !~ '^[1-5]$' then 'complexity: an integer from 1 to 5' end),
    (6, case when coalesce(pg_catalog.btrim(v ->> 'team_size'), '') = '' then 'team_size: required' end),
    (7, case when coalesce(pg_catalog.btrim(v ->> 'summary'), '') = '' then 'summary: required' end),
    (8, case when coalesce(pg_catalog.btrim(v ->> 'overview'), '') = '' then 'overview: required' end),
    (9, case when pg_catalog.jsonb_typeof(v -> 'when_to_use') is distinct from 'array'
      or pg_catalog.jsonb_array_length(v -> 'when_to_use') = 0 then 'when_to_use: a non-empty list of text' end),
    (10, case when pg_catalog.jsonb_typeof(v -> 'when_not_to_use') is distinct from 'array'
      or pg_catalog.jsonb_array_length(v -> 'when_not_to_use') = 0 then 'when_not_to_use: a non-empty list of text' end),
    (11, case when not architecture.jsonb_items_have(v -> 'key_components', '{name,description}')
      then 'key_components: a list of {name, description}' end),
    (12, case when not architecture.jsonb_items_have(v -> 'pros', '{weight,text}')
      or exists (select 1 from pg_catalog.jsonb_array_elements(v -> 'pros') as e
                 where e ->> 'weight' not in ('high', 'medium', 'low'))
      then 'pros: a list of {weight: high|medium|low, text}' end),
    (13, case when not architecture.jsonb_items_have(v -> 'cons', '{weight,text}')
      or exists (select 1 from pg_catalog.jsonb_array_elements(v -> 'cons') as e
                 where e ->> 'weight' not in ('high', 'medium', 'low'))
      then 'cons: a list of {weight: high|medium|low, text}' end),
    (14, case when not architecture.jsonb_items_have(coalesce(v -> 'tech_stacks', '[]'), '{label,text}')
      then 'tech_stacks: a list of {label, text}' end),
    (15, case when not architecture.jsonb_items_have(coalesce(v -> 'real_world_examples', '[]'), '{organization,text}')
      then 'real_world_examples: a list of {organization, product, text}' end),
    (16, case when not architecture.jsonb_items_have(coalesce(v -> 'decision_matrix', '[]'), '{versus,text}')
      then 'decision_matrix: a list of {versus, versus_slug, text}' end),
    (17, case when not architecture.jsonb_items_have(coalesce(v -> 'references', '[]'), '{text}')
      then 'references: a list of {text, title, authors, year, kind}' end),
    (18, case when not architecture.jsonb_items_have(coalesce(v -> 'related', '[]'), '{label,source_slug}')
      then 'related: a list of {label, url, source_slug, slug, resolution}' end)
  ) as checks (ord, problem)
  where problem is not null;
$$;
grant execute on function architecture.pattern_payload_problems(jsonb) to authenticated, sidecar, operator;
