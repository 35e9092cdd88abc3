-- sql/functions/verticals/architecture/decision_slug.sql — file-name slug of an ADR title. Layer: vertical.
create or replace function architecture.decision_slug(title text)
returns text language sql immutable strict set search_path = ''
as $$
  select coalesce(nullif(btrim(regexp_replace(lower(decision_slug.title), '[^a-z0-9]+', '-', 'g'), '-'), ''), 'decision');
$$;
grant execute on function architecture.decision_slug(text) to authenticated, sidecar;
