-- sql/functions/verticals/architecture/feed_upsert_items.sql — store parsed entries of one fetch. Layer: vertical.
-- Internal (no grants): called by feed_record_fetch_v1. Tombstoned keys are skipped; an existing entry is
-- rewritten (revision + 1) only when its content_hash differs; unchanged entries only get last_seen_at.
-- Returns counts {new, edited, unchanged, tombstoned}.
create function architecture.feed_upsert_items(feed_id uuid, items jsonb)
returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_incoming architecture.feed_items [];
  v_new int;
  v_edited int;
  v_tombstoned int;
begin
  select coalesce(array_agg(row(
    null, feed_upsert_items.feed_id, x.item_key, x.key_source, x.guid, x.link, coalesce(x.title, ''), x.author,
    x.published_at, coalesce(x.tags, '{}'), coalesce(x.html, ''), coalesce(x.text, ''), null, x.content_hash,
    1, null, null, null
  )::architecture.feed_items), '{}')
  into v_incoming
  from (
    select distinct on (r.item_key) r.*
    from jsonb_to_recordset(coalesce(feed_upsert_items.items, '[]')) as r (
      item_key text, key_source text, guid text, link text, title text, author text, published_at timestamptz,
      tags text [], html text, text text, content_hash text
    )
  ) as x;

  select count(*) into v_tombstoned
  from unnest(v_incoming) as x
  join architecture.feed_item_tombstones as t on t.feed_id = feed_upsert_items.feed_id and t.item_key = x.item_key;

  with written as (
    insert into architecture.feed_items as i (
      feed_id, item_key, key_source, guid, link, title, author, published_at, tags, html, text, content_hash
    )
    select x.feed_id, x.item_key, x.key_source, x.guid, x.link, x.title, x.author, x.published_at, x.tags, x.html,
      x.text, x.content_hash
    from unnest(v_incoming) as x
    where not exists (
      select 1 from architecture.feed_item_tombstones as t
      where t.feed_id = feed_upsert_items.feed_id and t.item_key = x.item_key
    )
    on conflict on constraint feed_items_feed_id_item_key_key do update set
      key_source = excluded.key_source, guid = excluded.guid, link = excluded.link, title = excluded.title,
      author = excluded.author, published_at = excluded.published_at, tags = excluded.tags, html = excluded.html,
      text = excluded.text, content_hash = excluded.content_hash, revision = i.revision + 1,
      updated_at = pg_catalog.now(), last_seen_at = pg_catalog.now()
    where i.content_hash is distinct from excluded.content_hash
    returning (i.revision = 1) as is_new
  )
  select count(*) filter (where is_new), count(*) filter (where not is_new) into v_new, v_edited from written;

  update architecture.feed_items as i set last_seen_at = pg_catalog.now()
  from unnest(v_incoming) as x
  where i.feed_id = feed_upsert_items.feed_id and i.item_key = x.item_key and i.content_hash = x.content_hash
    and i.last_seen_at < pg_catalog.now();

  return jsonb_build_object(
    'new', v_new, 'edited', v_edited, 'tombstoned', v_tombstoned,
    'unchanged', cardinality(v_incoming) - v_tombstoned - v_new - v_edited
  );
end;
$$;
revoke all on function architecture.feed_upsert_items(uuid, jsonb) from public;
