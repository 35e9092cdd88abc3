-- sql/functions/verticals/architecture/catalog_import_finish_v1.sql — close an import run and return its report:
-- counts per outcome and per section, link resolution, patterns of the scope not in this run, every warning.
-- Layer: vertical.
create function architecture.catalog_import_finish_v1(import_id uuid)
returns jsonb
language plpgsql volatile
set search_path = ''
as $$
declare
  v_import architecture.catalog_imports;
  v_report jsonb;
begin
  select * into v_import from architecture.catalog_imports as i where i.id = catalog_import_finish_v1.import_id;
  if v_import.id is null then
    raise sqlstate 'PT404' using message = 'import run not found';
  end if;
  if v_import.finished_at is not null then
    raise sqlstate 'PT409' using message = 'import run already finished';
  end if;
  with items as (
    select it.outcome, p.*
    from architecture.catalog_import_items as it
    join architecture.patterns as p on p.slug = it.slug and p.tenant_id is not distinct from it.tenant_id
    where it.import_id = v_import.id
  ),
  links as (
    select l.* from architecture.pattern_links as l where l.pattern_id in (select items.id from items)
  ),
  dangling as (
    select l.to_slug, p.slug as from_slug from links as l
    join architecture.patterns as p on p.id = l.pattern_id
    where l.to_slug is not null and not exists (
      select 1 from architecture.patterns as t
      where t.slug = l.to_slug and (t.tenant_id is null or t.tenant_id is not distinct from v_import.tenant_id)
    )
  )
  select pg_catalog.jsonb_build_object(
    'import_id', v_import.id,
    'scope', case when v_import.tenant_id is null then 'global' else 'tenant' end,
    'source', v_import.source,
    'title', v_import.title,
    'declared_count', v_import.declared_count,
    'counts', pg_catalog.jsonb_build_object(
      'patterns', (select count(*) from items),
      'created', (select count(*) from items where outcome = 'created'),
      'revised', (select count(*) from items where outcome = 'revised'),
      'unchanged', (select count(*) from items where outcome = 'unchanged'),
      'related_links', (select count(*) from links),
      'unresolved_links', (select count(*) from links where to_slug is null),
      'dangling_links', (select count(*) from dangling)
    ),
    'sections', (
      select pg_catalog.jsonb_build_object(
        'also_known_as', coalesce(sum(cardinality(also_known_as)), 0),
        'when_to_use', coalesce(sum(cardinality(when_to_use)), 0),
        'when_not_to_use', coalesce(sum(cardinality(when_not_to_use)), 0),
        'key_components', coalesce(sum(jsonb_array_length(key_components)), 0),
        'pros', coalesce(sum(jsonb_array_length(pros)), 0),
        'cons', coalesce(sum(jsonb_array_length(cons)), 0),
        'tech_stacks', coalesce(sum(jsonb_array_length(tech_stacks)), 0),
        'real_world_examples', coalesce(sum(jsonb_array_length(real_world_examples)), 0),
        'decision_matrix', coalesce(sum(jsonb_array_length(decision_matrix)), 0),
        'references', coalesce(sum(jsonb_array_length("references")), 0),
        'overviews', count(*) filter (where overview <> '')
      ) from items
    ),
    'not_in_run', coalesce((
      select pg_catalog.jsonb_agg(p.slug order by p.slug) from architecture.patterns as p
      where p.tenant_id is not distinct from v_import.tenant_id
        and p.slug not in (select items.slug from items)
    ), '[]'),
    'warnings', v_import.warnings || coalesce((
      select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
        'pattern', d.from_slug, 'section', 'Related Patterns',
        'message', pg_catalog.format('related pattern %s is not in the catalog', d.to_slug)
      ) order by d.from_slug, d.to_slug) from dangling as d
    ), '[]')
  ) into v_report;
  update architecture.catalog_imports as i set report = v_report, finished_at = pg_catalog.now()
  where i.id = v_import.id;
  return v_report;
end;
$$;
grant execute on function architecture.catalog_import_finish_v1(uuid) to authenticated, sidecar, operator;
