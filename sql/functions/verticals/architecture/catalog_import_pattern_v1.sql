-- sql/functions/verticals/architecture/catalog_import_pattern_v1.sql — import one pattern into an open run:
-- created (revision 1), revised (changed content: new revision, the old one kept) or unchanged (same hash).
-- Layer: vertical. Runs as the caller, so RLS limits tenant admins to their tenant's rows.
create function architecture.catalog_import_pattern_v1(import_id uuid, pattern jsonb)
returns jsonb
language plpgsql volatile
set search_path = ''
as $$
declare
  v_import architecture.catalog_imports;
  v_problems text [] := architecture.pattern_payload_problems(catalog_import_pattern_v1.pattern);
  v_hash text;
  v_id uuid;
  v_revision int;
  v_old_hash text;
  v_outcome text;
  p jsonb := catalog_import_pattern_v1.pattern;
begin
  select * into v_import from architecture.catalog_imports as i where i.id = catalog_import_pattern_v1.import_id;
  if v_import.id is null then
    raise sqlstate 'PT404' using message = 'import run not found';
  end if;
  if v_import.finished_at is not null then
    raise sqlstate 'PT409' using message = 'import run already finished';
  end if;
  if v_problems <> '{}' then
    raise sqlstate 'PT400' using
      message = pg_catalog.format('invalid pattern %s', coalesce(p ->> 'name', p ->> 'slug', '(unnamed)')),
      detail = pg_catalog.array_to_string(v_problems, '; ');
  end if;
  v_hash := pg_catalog.encode(extensions.digest(pg_catalog.convert_to(p::text, 'UTF8'), 'sha256'), 'hex');

  select x.id, x.revision, x.content_hash into v_id, v_revision, v_old_hash
  from architecture.patterns as x
  where x.tenant_id is not distinct from v_import.tenant_id and x.slug = p ->> 'slug'
  for update;

  if v_id is null then
    v_outcome := 'created';
    v_revision := 1;
    insert into architecture.patterns (
      tenant_id, slug, name, category, complexity, team_size, team_size_min, team_size_max, summary, also_known_as,
      when_to_use, when_not_to_use, key_components, pros, cons, tech_stacks, real_world_examples, decision_matrix,
      "references", overview, revision, content_hash
    ) values (
      v_import.tenant_id, p ->> 'slug', p ->> 'name', p ->> 'category', (p ->> 'complexity')::smallint,
      p ->> 'team_size', (p ->> 'team_size_min')::int, (p ->> 'team_size_max')::int, p ->> 'summary',
      array(select pg_catalog.jsonb_array_elements_text(coalesce(p -> 'also_known_as', '[]'))),
      array(select pg_catalog.jsonb_array_elements_text(p -> 'when_to_use')),
      array(select pg_catalog.jsonb_array_elements_text(p -> 'when_not_to_use')),
      p -> 'key_components', p -> 'pros', p -> 'cons', coalesce(p -> 'tech_stacks', '[]'),
      coalesce(p -> 'real_world_examples', '[]'), coalesce(p -> 'decision_matrix', '[]'),
      coalesce(p -> 'references', '[]'), p ->> 'overview', 1, v_hash
    )
    returning id into v_id;
  elsif v_old_hash = v_hash then
    v_outcome := 'unchanged';
  else
    v_outcome := 'revised';
    v_revision := v_revision + 1;
    update architecture.patterns as x set
      name = p ->> 'name', category = p ->> 'category', complexity = (p ->> 'complexity')::smallint,
      team_size = p ->> 'team_size', team_size_min = (p ->> 'team_size_min')::int,
      team_size_max = (p ->> 'team_size_max')::int, summary = p ->> 'summary',
      also_known_as = array(select pg_catalog.jsonb_array_elements_text(coalesce(p -> 'also_known_as', '[]'))),
      when_to_use = array(select pg_catalog.jsonb_array_elements_text(p -> 'when_to_use')),
      when_not_to_use = array(select pg_catalog.jsonb_array_elements_text(p -> 'when_not_to_use')),
      key_components = p -> 'key_components', pros = p -> 'pros', cons = p -> 'cons',
      tech_stacks = coalesce(p -> 'tech_stacks', '[]'), real_world_examples = coalesce(p -> 'real_world_examples', '[]'),
      decision_matrix = coalesce(p -> 'decision_matrix', '[]'), "references" = coalesce(p -> 'references', '[]'),
      overview = p ->> 'overview', revision = v_revision, content_hash = v_hash, updated_at = pg_catalog.now()
    where x.id = v_id;
  end if;

  if v_outcome <> 'unchanged' then
    insert into architecture.pattern_revisions (pattern_id, revision, tenant_id, content, content_hash, import_id)
    values (v_id, v_revision, v_import.tenant_id, p, v_hash, v_import.id);
    delete from architecture.pattern_links as l where l.pattern_id = v_id;
    insert into architecture.pattern_links (pattern_id, ord, tenant_id, to_slug, label, source_slug, url, resolution)
    select v_id, e.ord::int, v_import.tenant_id, e.link ->> 'slug', e.link ->> 'label', e.link ->> 'source_slug',
      e.link ->> 'url', coalesce(e.link ->> 'resolution', case when e.link ->> 'slug' is null then 'unresolved' else 'manual' end)
    from pg_catalog.jsonb_array_elements(coalesce(p -> 'related', '[]')) with ordinality as e (link, ord);
  end if;

  insert into architecture.catalog_import_items (import_id, tenant_id, slug, outcome, revision)
  values (v_import.id, v_import.tenant_id, p ->> 'slug', v_outcome, v_revision);
  return pg_catalog.jsonb_build_object('slug', p ->> 'slug', 'outcome', v_outcome, 'revision', v_revision);
end;
$$;
grant execute on function architecture.catalog_import_pattern_v1(uuid, jsonb) to authenticated, sidecar, operator;
