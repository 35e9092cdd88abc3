-- sql/functions/verticals/architecture/project_mentions_v1.sql — project the deterministic interpreter's output
-- (architecture.pattern_mentions) into article ↔ pattern links.
-- Layer: vertical. Called by the sidecar, or by an engine reducer running as a member of the article's tenant
-- (another tenant's article is not found).
-- mentions: [{pattern_slug, count, evidence: [{quote, start, end, matched}]}]. Every quote is re-checked against
-- the stored text by offsets (status exact | none). Stale results (the article changed since) are ignored:
-- returns -1; otherwise the number of links written. Marks the article interpreted at this content hash.
create function architecture.project_mentions_v1(
  article_id uuid, content_hash text, mentions jsonb, interpretation_id uuid default null
)
returns int
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_source jsonb := architecture.article_source_v1(project_mentions_v1.article_id);
  v_tenant uuid := (v_source ->> 'tenant_id')::uuid;
  v_text text := v_source ->> 'text';
  v_count int;
begin
  if v_source is null or v_tenant is distinct from coalesce(chassis.current_tenant_id(), v_tenant) then
    raise sqlstate 'PT404' using message = 'article not found';
  end if;
  if v_source ->> 'content_hash' is distinct from project_mentions_v1.content_hash then
    return -1;
  end if;
  delete from architecture.article_patterns as ap
  where ap.article_id = project_mentions_v1.article_id and ap.source = 'mentions';
  insert into architecture.article_patterns (
    tenant_id, article_id, pattern_id, source, stance, mention_count, evidence, verified, content_hash,
    interpretation_id
  )
  select v_tenant, project_mentions_v1.article_id, m.pattern_id, 'mentions', 'mentions', m.mention_count,
    ev.evidence, ev.verified, project_mentions_v1.content_hash, project_mentions_v1.interpretation_id
  from (
    select architecture.resolve_pattern(v_tenant, x.value ->> 'pattern_slug') as pattern_id,
      greatest(coalesce((x.value ->> 'count')::int, 1), 1) as mention_count, x.value -> 'evidence' as evidence
    from jsonb_array_elements(coalesce(project_mentions_v1.mentions, '[]')) as x
  ) as m
  cross join lateral (
    select coalesce(jsonb_agg(q.value || jsonb_build_object('status', q.status) order by q.ord), '[]') as evidence,
      coalesce(bool_and(q.status = 'exact'), false) as verified
    from (
      select e.value, e.ord, case
        when substr(v_text, (e.value ->> 'start')::int + 1, (e.value ->> 'end')::int - (e.value ->> 'start')::int)
          = e.value ->> 'quote' then 'exact'
        else 'none'
      end as status
      from jsonb_array_elements(coalesce(m.evidence, '[]')) with ordinality as e (value, ord)
    ) as q
  ) as ev
  where m.pattern_id is not null
  on conflict on constraint article_patterns_article_id_pattern_id_source_key do nothing;
  get diagnostics v_count = row_count;
  update architecture.articles as a set interpreted_hash = a.content_hash
  where a.id = project_mentions_v1.article_id and a.content_hash = project_mentions_v1.content_hash;
  return v_count;
end;
$$;
revoke all on function architecture.project_mentions_v1(uuid, text, jsonb, uuid) from public;
grant execute on function architecture.project_mentions_v1(uuid, text, jsonb, uuid) to authenticated, sidecar;
