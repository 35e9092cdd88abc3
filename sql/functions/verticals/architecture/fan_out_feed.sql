-- sql/functions/verticals/architecture/fan_out_feed.sql — give subscribing tenants an article per feed item.
-- Layer: vertical. Internal (no grants): called by the definer functions that subscribe and record fetches.
-- New items become articles of every subscriber (or of one tenant); an item whose content_hash changed updates
-- the article's content_hash, which marks it for re-interpretation (content_hash <> interpreted_hash).
-- Returns the articles created or changed, as [{article_id, tenant_id, change}].
create function architecture.fan_out_feed(feed_id uuid, only_tenant_id uuid default null)
returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_created jsonb;
  v_changed jsonb;
begin
  with inserted as (
    insert into architecture.articles (tenant_id, kind, feed_id, feed_item_id, content_hash)
    select s.tenant_id, 'feed', i.feed_id, i.id, i.content_hash
    from architecture.feed_subscriptions as s
    join architecture.feed_items as i on i.feed_id = s.feed_id
    where s.feed_id = fan_out_feed.feed_id
      and (fan_out_feed.only_tenant_id is null or s.tenant_id = fan_out_feed.only_tenant_id)
    on conflict (tenant_id, feed_item_id) do nothing
    returning id, tenant_id
  )
  select coalesce(jsonb_agg(jsonb_build_object('article_id', id, 'tenant_id', tenant_id, 'change', 'new')), '[]')
  into v_created from inserted;

  with updated as (
    update architecture.articles as a
    set content_hash = i.content_hash, updated_at = pg_catalog.now()
    from architecture.feed_items as i
    where a.feed_item_id = i.id and i.feed_id = fan_out_feed.feed_id and a.content_hash <> i.content_hash
      and (fan_out_feed.only_tenant_id is null or a.tenant_id = fan_out_feed.only_tenant_id)
    returning a.id, a.tenant_id
  )
  select coalesce(jsonb_agg(jsonb_build_object('article_id', id, 'tenant_id', tenant_id, 'change', 'edited')), '[]')
  into v_changed from updated;
  return v_created || v_changed;
end;
$$;
revoke all on function architecture.fan_out_feed(uuid, uuid) from public;
