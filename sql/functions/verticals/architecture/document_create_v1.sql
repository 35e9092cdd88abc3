-- sql/functions/verticals/architecture/document_create_v1.sql — store a pasted or uploaded document as an article.
-- Layer: vertical. Called by the sidecar as the user (POST /architecture/documents) after it converted Markdown
-- and sanitised HTML; RLS decides who may write. The same normalised text pasted twice is one article.
-- Returns {id, created}.
create function architecture.document_create_v1(title text, format text, html text, text text, url text default null)
returns jsonb
language plpgsql volatile
set search_path = ''
as $$
declare
  v_tenant uuid := chassis.require_tenant();
  v_hash text := architecture.text_hash(document_create_v1.text);
  v_id uuid;
begin
  perform chassis.require_user();
  if not chassis.can('architecture.article.write') then
    raise sqlstate 'PT403' using
      message = 'adding documents needs the architecture.article.write action',
      hint = 'viewers cannot add documents';
  end if;
  if coalesce(pg_catalog.btrim(document_create_v1.text), '') = '' then
    raise sqlstate 'PT400' using message = 'the document has no text';
  end if;
  insert into architecture.articles as a (tenant_id, kind, title, url, format, html, text, content_hash)
  values (
    v_tenant, 'document', left(pg_catalog.btrim(document_create_v1.title), 1000),
    nullif(pg_catalog.btrim(document_create_v1.url), ''), document_create_v1.format, document_create_v1.html,
    document_create_v1.text, v_hash
  )
  on conflict (tenant_id, content_hash) where kind = 'document' do nothing
  returning a.id into v_id;
  if v_id is not null then
    return jsonb_build_object('id', v_id, 'created', true);
  end if;
  select a.id into v_id from architecture.articles as a
  where a.tenant_id = v_tenant and a.kind = 'document' and a.content_hash = v_hash;
  return jsonb_build_object('id', v_id, 'created', false);
end;
$$;
revoke all on function architecture.document_create_v1(text, text, text, text, text) from public;
grant execute on function architecture.document_create_v1(text, text, text, text, text) to authenticated;
