-- sql/tests/verticals/architecture/catalog_fixture.sql — shared fixture of the catalog suites (\ir-ed inside a test
-- transaction): pg_temp.pattern() builds a parser-shaped payload; pg_temp.import_global() imports payloads into the
-- global catalog as an operator. Layer: vertical (tests).
create function pg_temp.pattern(
  slug text, name text, category text default 'system', complexity int default 2, related text [] default '{}',
  summary text default 'A pattern.', overview text default 'Overview text.', aliases text [] default '{}',
  body text default 'Use it when it helps.'
)
returns jsonb
language sql immutable
as $$
  select jsonb_build_object(
    'slug', slug, 'name', name, 'category', category, 'complexity', complexity,
    'team_size', 'Small to Medium (2+ engineers)', 'team_size_min', 2, 'team_size_max', null,
    'summary', summary, 'also_known_as', to_jsonb(aliases),
    'when_to_use', jsonb_build_array(body), 'when_not_to_use', jsonb_build_array('When it does not.'),
    'key_components', jsonb_build_array(jsonb_build_object('name', 'Core', 'description', 'The core.')),
    'pros', jsonb_build_array(jsonb_build_object('weight', 'high', 'text', 'Simple.')),
    'cons', jsonb_build_array(jsonb_build_object('weight', 'low', 'text', 'Limited.')),
    'tech_stacks', '[]'::jsonb, 'real_world_examples', '[]'::jsonb,
    'decision_matrix', jsonb_build_array(jsonb_build_object('versus', 'Baseline', 'versus_slug', 'monolith',
      'text', 'Pick this when it fits.')),
    'references', '[]'::jsonb, 'overview', overview,
    'related', coalesce((select jsonb_agg(jsonb_build_object(
      'label', r, 'url', 'https://layra4.dev/patterns/' || r || '.md', 'source_slug', r,
      'slug', case when r like 'nope%' then null else r end,
      'resolution', case when r like 'nope%' then 'unresolved' else 'exact' end)) from unnest(related) as r), '[]')
  );
$$;

create function pg_temp.import_global(patterns jsonb [])
returns jsonb
language plpgsql
as $$
declare
  v_import uuid;
  p jsonb;
begin
  perform tests.as_operator('tests', 'catalog fixture');
  v_import := architecture.catalog_import_begin_v1('global', 'fixture');
  foreach p in array patterns loop
    perform architecture.catalog_import_pattern_v1(v_import, p);
  end loop;
  return architecture.catalog_import_finish_v1(v_import);
end;
$$;
