-- sql/api/verticals/architecture/architecture_search.sql — full-text search over every registered source
-- (patterns, and whatever other parts of the vertical index), typo tolerant, ranked, with snippets and facets.
-- Layer: vertical. Runs as the caller; architecture.search_run holds the query and the visibility rule.
create function api.architecture_search(
  q text,
  sources text [] default null,
  category text default null,
  complexity int default null,
  team_size text default null,
  "limit" int default 20,
  "offset" int default 0
)
returns jsonb
language sql stable security invoker
set search_path = ''
as $$
  select architecture.search_run(
    architecture_search.q, architecture_search.sources, architecture_search.category,
    architecture_search.complexity, architecture_search.team_size, architecture_search."limit",
    architecture_search."offset"
  )
$$;
grant execute on function api.architecture_search(text, text [], text, int, text, int, int) to authenticated;
