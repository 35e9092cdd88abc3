-- sql/functions/verticals/architecture/text_hash.sql — sha256 (hex) of whitespace-normalised, lower-cased text.
-- Layer: vertical. Dedupes pasted documents: the same text pasted twice is one article.
create function architecture.text_hash(body text)
returns text
language sql immutable strict parallel safe
set search_path = ''
as $$
  select pg_catalog.encode(
    extensions.digest(pg_catalog.lower(pg_catalog.btrim(pg_catalog.regexp_replace(text_hash.body, '\s+', ' ', 'g'))), 'sha256'),
    'hex'
  );
$$;
revoke all on function architecture.text_hash(text) from public;
grant execute on function architecture.text_hash(text) to authenticated, sidecar;
