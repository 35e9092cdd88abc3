-- sql/functions/verticals/architecture/escape_html.sql — escape &, <, > so snippets can carry <mark> safely.
-- Layer: vertical.
create function architecture.escape_html(value text)
returns text
language sql immutable parallel safe
set search_path = ''
as $$
  select pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(escape_html.value, '&', '&amp;'), '<', '&lt;'),
    '>', '&gt;');
$$;
grant execute on function architecture.escape_html(text) to authenticated, sidecar, operator;
