-- sql/functions/verticals/architecture/purge_feed_item.sql — delete a feed entry for good. Layer: vertical.
-- Operators and the sidecar (retention). Writes a tombstone first, so a later fetch never re-creates it; the
-- entry's articles, links and claims go with it (cascade).
create function architecture.purge_feed_item(item_id uuid, reason text default 'purged')
returns boolean
language plpgsql volatile security definer
set search_path = ''
as $$
begin
  insert into architecture.feed_item_tombstones (feed_id, item_key, reason)
  select i.feed_id, i.item_key, coalesce(purge_feed_item.reason, 'purged')
  from architecture.feed_items as i where i.id = purge_feed_item.item_id
  on conflict do nothing;
  delete from architecture.feed_items as i where i.id = purge_feed_item.item_id;
  return found;
end;
$$;
revoke all on function architecture.purge_feed_item(uuid, text) from public;
grant execute on function architecture.purge_feed_item(uuid, text) to operator, sidecar;
