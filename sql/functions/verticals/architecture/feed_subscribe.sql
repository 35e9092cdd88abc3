-- sql/functions/verticals/architecture/feed_subscribe.sql — subscribe the caller's tenant to a feed URL.
-- Layer: vertical. Definer (the global feeds table is not writable by users): checks the caller's right first,
-- finds or creates the feed row for the URL (one per URL for all tenants), upserts the subscription and hands
-- the tenant the items already fetched (interpreted for it by a feed_subscriptions__interpret job). A feed never fetched yet gets its first fetch job now (feeds__fetch,
-- leased for 10 minutes so the scheduler does not fetch it a second time meanwhile).
create function architecture.feed_subscribe(url text, title text default null)
returns uuid
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_tenant uuid := chassis.require_tenant();
  v_url text := pg_catalog.btrim(feed_subscribe.url);
  v_feed uuid;
  v_subscription uuid;
  v_first boolean;
  v_handed jsonb;
begin
  perform chassis.require_user();
  if not chassis.can('architecture.feed.subscribe') then
    raise sqlstate 'PT403' using
      message = 'subscribing to feeds needs the architecture.feed.subscribe action',
      hint = 'viewers cannot subscribe; ask a member, admin or owner';
  end if;
  if v_url is null or v_url !~* '^https?://[^/\s]+' or pg_catalog.length(v_url) > 2048 or v_url ~ '\s' then
    raise sqlstate 'PT400' using message = 'feed url must be an absolute http(s) URL',
      detail = pg_catalog.format('got %L', feed_subscribe.url);
  end if;
  insert into architecture.feeds (url) values (v_url) on conflict on constraint feeds_url_key do nothing;
  select f.id into v_feed from architecture.feeds as f where f.url = v_url or v_url = any(f.previous_urls)
  order by f.url = v_url desc limit 1;
  insert into architecture.feed_subscriptions as s (tenant_id, feed_id, title, created_by)
  values (v_tenant, v_feed, nullif(pg_catalog.btrim(feed_subscribe.title), ''), chassis.current_user_id())
  on conflict (tenant_id, feed_id) do update set title = coalesce(excluded.title, s.title)
  returning s.id into v_subscription;
  v_handed := architecture.fan_out_feed(v_feed, v_tenant);
  if pg_catalog.jsonb_array_length(v_handed) > 0 then
    perform chassis.enqueue_job('feed_subscriptions__interpret', jsonb_build_object('feed_id', v_feed), 'interpret:' || v_feed);
  end if;
  update architecture.feeds as f set next_check_at = pg_catalog.now() + interval '10 minutes'
  where f.id = v_feed and f.last_checked_at is null and f.next_check_at <= pg_catalog.now()
  returning true into v_first;
  if v_first then
    perform chassis.enqueue_job('feeds__fetch', jsonb_build_object('feed_id', v_feed), 'feed:' || v_feed);
  end if;
  return v_subscription;
end;
$$;
revoke all on function architecture.feed_subscribe(text, text) from public;
grant execute on function architecture.feed_subscribe(text, text) to authenticated;
