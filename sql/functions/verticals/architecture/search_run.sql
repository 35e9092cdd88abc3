-- sql/functions/verticals/architecture/search_run.sql — the search behind api.architecture_search: match, rank,
-- facet and highlight the signed-in caller's visible search documents. Layer: vertical.
-- q uses web-search syntax (words, "phrases", or, -not). Rank: ts_rank_cd with title A=1.0 > aliases/summary
-- B=0.4 > body C=0.2, plus an exact-title bonus and trigram similarity of the title, so typos in a name still
-- match (plain queries matching no text). Hits carry <mark>-highlighted snippets (text HTML-escaped first).
-- Facets count each value over the hits that pass the other filters.
-- Definer (app_owner, BYPASSRLS) with the search_documents policy (select_signed_in: a signed-in user sees global
-- documents and the current tenant's) spelled out in every read: under RLS the planner may not use the GIN
-- indexes for @@ and <% (the operators are not leakproof), so every search was a sequential scan.
create function architecture.search_run(
  q text,
  sources text [],
  category text,
  complexity int,
  team_size text,
  "limit" int,
  "offset" int
)
returns jsonb
language plpgsql stable security definer
set search_path = ''
as $$
declare
  v_term text := pg_catalog.lower(pg_catalog.btrim(coalesce(search_run.q, '')));
  v_query tsquery := pg_catalog.websearch_to_tsquery('english'::regconfig, coalesce(search_run.q, ''));
  -- Typo tolerance is for plain words (quotes, -exclusions and "or" ask for exact text semantics), and only when the
  -- words themselves match nothing: a trigram scan of every title is the expensive part of a search.
  v_fuzzy boolean := coalesce(search_run.q, '') !~* '(^|\s)-|"|\sor\s';
  -- The visibility of architecture.search_documents (policy select_signed_in), applied explicitly below.
  v_user uuid := chassis.current_user_id();
  v_tenant uuid := chassis.current_tenant_id();
  v_result jsonb;
begin
  if v_term = '' then
    raise sqlstate 'PT400' using
      message = 'empty search query', hint = 'q uses web-search syntax: words, "a phrase", this or that, -not';
  end if;
  if search_run."limit" not between 1 and 100 or search_run."offset" < 0 then
    raise sqlstate 'PT400' using message = 'limit must be 1..100 and offset >= 0';
  end if;
  v_fuzzy := v_fuzzy and not exists (
    select 1 from architecture.search_documents as d
    where d.tsv @@ v_query and v_user is not null and (d.tenant_id is null or d.tenant_id = v_tenant)
  );
  -- matched keeps no long text: summaries and bodies are read for the page only.
  with matched as (
    select d.source, d.ref_id, d.title, d.slug, d.url, d.category, d.complexity, d.team_size,
      case when d.tsv @@ v_query then pg_catalog.ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', d.tsv, v_query, 1) else 0 end
        as text_rank,
      extensions.word_similarity(v_term, pg_catalog.lower(d.title)) as similarity,
      (search_run.sources is null or d.source = any(search_run.sources)) as ok_source,
      (search_run.category is null or d.category = search_run.category) as ok_category,
      (search_run.complexity is null or d.complexity = search_run.complexity) as ok_complexity,
      (search_run.team_size is null or d.team_size = pg_catalog.lower(search_run.team_size))
        as ok_team_size
    from architecture.search_documents as d
    where (d.tsv @@ v_query or (v_fuzzy and v_term operator (extensions.<%) pg_catalog.lower(d.title)))
      and v_user is not null and (d.tenant_id is null or d.tenant_id = v_tenant)
  ),
  hits as (
    select m.*,
      m.text_rank + m.similarity * 0.5 + case when pg_catalog.lower(m.title) = v_term then 1 else 0 end as score
    from matched as m
    where m.ok_source and m.ok_category and m.ok_complexity and m.ok_team_size
  ),
  page as (
    select h.*, d.summary, d.body from (
      select * from hits
      order by hits.score desc, hits.title, hits.ref_id
      limit search_run."limit" offset search_run."offset"
    ) as h
    inner join architecture.search_documents as d on d.source = h.source and d.ref_id = h.ref_id
  )
  select pg_catalog.jsonb_build_object(
    'query', search_run.q,
    'total', (select count(*) from hits),
    'hits', coalesce((
      select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
        'source', p.source, 'ref_id', p.ref_id, 'slug', p.slug, 'url', p.url, 'title', p.title,
        'title_highlight', pg_catalog.ts_headline('english'::regconfig, architecture.escape_html(p.title), v_query,
          'StartSel=<mark>, StopSel=</mark>, HighlightAll=true'),
        'snippet', case when p.text_rank > 0 then pg_catalog.ts_headline('english'::regconfig,
            architecture.escape_html(p.summary || ' … ' || p.body), v_query,
            'StartSel=<mark>, StopSel=</mark>, MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "')
          else architecture.escape_html(left(p.summary, 240)) end,
        'matched_by', case when p.text_rank > 0 then 'text' else 'name' end,
        'score', round(p.score::numeric, 4),
        'category', p.category, 'complexity', p.complexity, 'team_size', p.team_size
      ) order by p.score desc, p.title, p.ref_id) from page as p
    ), '[]'),
    'facets', pg_catalog.jsonb_build_object(
      'source', coalesce((select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('value', f.v, 'count', f.n)
          order by f.n desc, f.v)
        from (select m.source as v, count(*) as n from matched as m
              where m.ok_category and m.ok_complexity and m.ok_team_size group by m.source) as f), '[]'),
      'category', coalesce((select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('value', f.v, 'count', f.n)
          order by f.n desc, f.v)
        from (select m.category as v, count(*) as n from matched as m
              where m.category is not null and m.ok_source and m.ok_complexity and m.ok_team_size
              group by m.category) as f), '[]'),
      'complexity', coalesce((select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('value', f.v, 'count', f.n)
          order by f.v)
        from (select m.complexity as v, count(*) as n from matched as m
              where m.complexity is not null and m.ok_source and m.ok_category and m.ok_team_size
              group by m.complexity) as f), '[]'),
      'team_size', coalesce((select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('value', f.v, 'count', f.n)
          order by f.n desc, f.v)
        from (select m.team_size as v, count(*) as n from matched as m
              where m.team_size is not null and m.ok_source and m.ok_category and m.ok_complexity
              group by m.team_size) as f), '[]')
    )
  ) into v_result;
  return v_result;
end;
$$;
grant execute on function architecture.search_run(text, text [], text, int, text, int, int) to authenticated;
