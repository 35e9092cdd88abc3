-- sql/functions/verticals/architecture/save_decision_content.sql — write an ADR's MADR fields. Layer: vertical.
-- Runs as the caller (RLS and column grants apply). Only keys present in `document` change; options are matched by
-- title (MADR ADR-0006), upserted in document order, the ones left out removed. Then one UPDATE of the record,
-- carrying `version` (stale → PT409 from chassis versioning).
create or replace function architecture.save_decision_content(decision_id uuid, document jsonb, version int)
returns void language plpgsql volatile set search_path = ''
as $$
#variable_conflict use_column
declare
  v_doc jsonb := coalesce(save_decision_content.document, '{}');
  v_unknown text;
  v_titles text [];
  v_chosen text;
  v_outcome_id uuid;
  v_set_outcome boolean := false;
  v_record architecture.decisions;
begin
  if jsonb_typeof(v_doc) <> 'object' then
    raise sqlstate 'PT400' using message = 'document must be a JSON object';
  end if;
  select string_agg(k, ', ') into v_unknown from jsonb_object_keys(v_doc) as k
  where k not in (
    'title', 'date', 'decision_makers', 'consulted', 'informed', 'context', 'decision_drivers', 'options',
    'outcome', 'consequences', 'confirmation', 'more_information', 'tags', 'template', 'implementation_status',
    'extra_frontmatter', 'extra_sections'
  );
  if v_unknown is not null then
    raise sqlstate 'PT400' using message = format('unknown field(s): %s', v_unknown);
  end if;
  select * into v_record from architecture.decisions as d where d.id = save_decision_content.decision_id;

  if v_doc ? 'options' then
    if jsonb_typeof(v_doc -> 'options') <> 'array' or exists (
      select 1 from jsonb_array_elements(v_doc -> 'options') as o (v)
      where jsonb_typeof(o.v) <> 'object' or coalesce(btrim(o.v ->> 'title'), '') = ''
    ) then
      raise sqlstate 'PT400' using message = 'options must be an array of objects, each with a title';
    end if;
    select array_agg(o.v ->> 'title') into v_titles from jsonb_array_elements(v_doc -> 'options') as o (v);
    if cardinality(v_titles) <> (select count(distinct t) from unnest(v_titles) as t) then
      raise sqlstate 'PT400' using message = 'option titles must be unique within a record';
    end if;
    insert into architecture.decision_options as o (
      tenant_id, decision_id, ord, title, description, pros, neutral, cons
    )
    select
      v_record.tenant_id, v_record.id, e.ord::int - 1, e.v ->> 'title', coalesce(e.v ->> 'description', ''),
      architecture.jsonb_text_array(e.v -> 'pros', 'options.pros'),
      architecture.jsonb_text_array(e.v -> 'neutral', 'options.neutral'),
      architecture.jsonb_text_array(e.v -> 'cons', 'options.cons')
    from jsonb_array_elements(v_doc -> 'options') with ordinality as e (v, ord)
    on conflict (decision_id, title) do update set
      ord = excluded.ord, description = excluded.description, pros = excluded.pros, neutral = excluded.neutral,
      cons = excluded.cons;
  end if;

  if v_titles is not null and not v_doc ? 'outcome' then
    -- Options replaced, outcome untouched: keep the chosen option only if it is still considered.
    v_set_outcome := true;
    select o.id into v_outcome_id from architecture.decision_options as o
    where o.id = v_record.outcome_option_id and o.title = any(v_titles);
  end if;
  if v_doc ? 'outcome' then
    v_set_outcome := true;
    v_chosen := nullif(v_doc -> 'outcome' ->> 'chosen_option', '');
    if v_chosen is not null then
      select o.id into v_outcome_id from architecture.decision_options as o
      where o.decision_id = v_record.id and o.title = v_chosen
        and (v_titles is null or o.title = any(v_titles));
      if v_outcome_id is null then
        raise sqlstate 'PT422' using message = format('chosen option "%s" is not a considered option', v_chosen);
      end if;
    end if;
  end if;

  -- Options left out go before the record's UPDATE, so its search document sees the final set (the outcome
  -- reference is checked at commit).
  if v_titles is not null then
    delete from architecture.decision_options as o where o.decision_id = v_record.id and o.title <> all(v_titles);
  end if;

  update architecture.decisions as d set
    title = case when v_doc ? 'title' then v_doc ->> 'title' else d.title end,
    decision_date = case when v_doc ? 'date' then coalesce((v_doc ->> 'date')::date, current_date)
      else d.decision_date end,
    decision_makers = case when v_doc ? 'decision_makers'
      then architecture.jsonb_text_array(v_doc -> 'decision_makers', 'decision_makers') else d.decision_makers end,
    consulted = case when v_doc ? 'consulted'
      then architecture.jsonb_text_array(v_doc -> 'consulted', 'consulted') else d.consulted end,
    informed = case when v_doc ? 'informed'
      then architecture.jsonb_text_array(v_doc -> 'informed', 'informed') else d.informed end,
    context = case when v_doc ? 'context' then coalesce(v_doc ->> 'context', '') else d.context end,
    decision_drivers = case when v_doc ? 'decision_drivers'
      then architecture.jsonb_text_array(v_doc -> 'decision_drivers', 'decision_drivers') else d.decision_drivers end,
    outcome_option_id = case when v_set_outcome then v_outcome_id else d.outcome_option_id end,
    outcome_justification = case when v_doc ? 'outcome'
      then coalesce(v_doc -> 'outcome' ->> 'justification', '') else d.outcome_justification end,
    consequences_good = case when v_doc ? 'consequences'
      then architecture.jsonb_text_array(v_doc -> 'consequences' -> 'good', 'consequences.good')
      else d.consequences_good end,
    consequences_bad = case when v_doc ? 'consequences'
      then architecture.jsonb_text_array(v_doc -> 'consequences' -> 'bad', 'consequences.bad')
      else d.consequences_bad end,
    consequences_neutral = case when v_doc ? 'consequences'
      then architecture.jsonb_text_array(v_doc -> 'consequences' -> 'neutral', 'consequences.neutral')
      else d.consequences_neutral end,
    confirmation = case when v_doc ? 'confirmation' then coalesce(v_doc ->> 'confirmation', '') else d.confirmation end,
    more_information = case when v_doc ? 'more_information'
      then coalesce(v_doc ->> 'more_information', '') else d.more_information end,
    tags = case when v_doc ? 'tags' then architecture.jsonb_text_array(v_doc -> 'tags', 'tags') else d.tags end,
    template = case when v_doc ? 'template' then v_doc ->> 'template' else d.template end,
    implementation_status = case when v_doc ? 'implementation_status'
      then v_doc ->> 'implementation_status' else d.implementation_status end,
    extra_frontmatter = case when v_doc ? 'extra_frontmatter'
      then coalesce(v_doc -> 'extra_frontmatter', '{}') else d.extra_frontmatter end,
    extra_sections = case when v_doc ? 'extra_sections'
      then coalesce(v_doc -> 'extra_sections', '[]') else d.extra_sections end,
    updated_at = now(),
    version = coalesce(save_decision_content.version, d.version)
  where d.id = v_record.id;

end;
$$;
grant execute on function architecture.save_decision_content(uuid, jsonb, int) to authenticated, sidecar;
