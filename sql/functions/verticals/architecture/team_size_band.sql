-- sql/functions/verticals/architecture/team_size_band.sql — facet value of a team-size text:
-- 'Small to Medium (2+ engineers)' → 'small to medium'. Layer: vertical.
create function architecture.team_size_band(team_size text)
returns text
language sql immutable parallel safe
set search_path = ''
as $$
  select pg_catalog.lower(pg_catalog.btrim(pg_catalog.split_part(team_size_band.team_size, '(', 1)));
$$;
grant execute on function architecture.team_size_band(text) to authenticated, sidecar, operator;
