-- sql/functions/verticals/architecture/search_index.sql — upsert one document of a registered source into the
-- vertical's search index. Layer: vertical. Call it from a security definer trigger of the source table (it is not
-- granted to API roles); tenant_id null makes the document visible to every signed-in user.
create function architecture.search_index(
  source text,
  ref_id text,
  tenant_id uuid,
  title text,
  aliases text default '',
  summary text default '',
  body text default '',
  slug text default null,
  url text default null,
  category text default null,
  complexity smallint default null,
  team_size text default null
)
returns void
language plpgsql volatile
set search_path = ''
as $$
begin
  if not exists (select 1 from architecture.search_sources as s where s.source = search_index.source) then
    raise sqlstate '22023' using
      message = pg_catalog.format('unknown search source %s', search_index.source),
      hint = 'register it with architecture.register_search_source()';
  end if;
  insert into architecture.search_documents as d (
    source, ref_id, tenant_id, title, aliases, summary, body, slug, url, category, complexity, team_size
  ) values (
    search_index.source, search_index.ref_id, search_index.tenant_id, search_index.title,
    coalesce(search_index.aliases, ''), coalesce(search_index.summary, ''), coalesce(search_index.body, ''),
    search_index.slug, search_index.url, search_index.category, search_index.complexity, search_index.team_size
  )
  on conflict on constraint search_documents_pkey do update set
    tenant_id = excluded.tenant_id, title = excluded.title, aliases = excluded.aliases, summary = excluded.summary,
    body = excluded.body, slug = excluded.slug, url = excluded.url, category = excluded.category,
    complexity = excluded.complexity, team_size = excluded.team_size, updated_at = pg_catalog.now();
end;
$$;
revoke all on function architecture.search_index(
  text, text, uuid, text, text, text, text, text, text, text, smallint, text
) from public;
