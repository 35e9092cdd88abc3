-- sql/functions/verticals/architecture/feed_record_fetch_v1.sql — record one fetch of a feed. Layer: vertical.
-- Sidecar (as itself) only. outcome: {kind: ok | not_modified | gone | error, http_status, next_check_at,
-- etag?, last_modified? (present keys replace the stored validators, null clears), error_code?, error?,
-- permanent_redirect? (final target of an all-301/308 chain), feed? {title, site_url, language, ttl_minutes,
-- key_policy}, items? [...]}. ok stores entries and fans them out; not_modified writes no entry; errors count up
-- for back-off; gone (410) stops the feed. A permanent redirect rewrites the URL after 3 consecutive sightings.
-- Returns {items: counts, articles: [{article_id, tenant_id, change}], url}.
create function architecture.feed_record_fetch_v1(feed_id uuid, outcome jsonb)
returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_feed architecture.feeds;
  v_kind text := feed_record_fetch_v1.outcome ->> 'kind';
  v_target text := nullif(feed_record_fetch_v1.outcome ->> 'permanent_redirect', '');
  v_counts jsonb := '{}';
  v_articles jsonb := '[]';
  v_meta jsonb := coalesce(feed_record_fetch_v1.outcome -> 'feed', '{}');
begin
  if v_kind is null or v_kind not in ('ok', 'not_modified', 'gone', 'error') then
    raise sqlstate '22023' using message = pg_catalog.format('unknown fetch outcome %L', v_kind);
  end if;
  select * into v_feed from architecture.feeds as f where f.id = feed_record_fetch_v1.feed_id for update;
  if not found then
    return null;
  end if;

  update architecture.feeds as f set
    last_checked_at = pg_catalog.now(),
    last_http_status = (feed_record_fetch_v1.outcome ->> 'http_status')::int,
    next_check_at = coalesce((feed_record_fetch_v1.outcome ->> 'next_check_at')::timestamptz, f.next_check_at),
    updated_at = pg_catalog.now()
  where f.id = v_feed.id;

  if v_kind = 'error' then
    update architecture.feeds as f set
      error_count = f.error_count + 1,
      last_error = left(coalesce(feed_record_fetch_v1.outcome ->> 'error', 'fetch failed'), 1000),
      last_error_code = coalesce(feed_record_fetch_v1.outcome ->> 'error_code', 'fetch_failed'),
      last_error_at = pg_catalog.now()
    where f.id = v_feed.id;
  elsif v_kind = 'gone' then
    update architecture.feeds as f set
      status = 'gone', last_error = 'the feed is gone (HTTP 410); it is no longer fetched',
      last_error_code = 'gone', last_error_at = pg_catalog.now()
    where f.id = v_feed.id;
  else
    update architecture.feeds as f set
      error_count = 0, last_error = null, last_error_code = null, last_error_at = null,
      last_success_at = pg_catalog.now(),
      etag = case when feed_record_fetch_v1.outcome ? 'etag' then feed_record_fetch_v1.outcome ->> 'etag' else f.etag end,
      last_modified = case
        when feed_record_fetch_v1.outcome ? 'last_modified' then feed_record_fetch_v1.outcome ->> 'last_modified'
        else f.last_modified
      end
    where f.id = v_feed.id;
  end if;

  if v_kind = 'ok' then
    update architecture.feeds as f set
      title = coalesce(v_meta ->> 'title', f.title),
      site_url = coalesce(v_meta ->> 'site_url', f.site_url),
      language = coalesce(v_meta ->> 'language', f.language),
      ttl_minutes = (v_meta ->> 'ttl_minutes')::int,
      key_policy = coalesce(v_meta ->> 'key_policy', f.key_policy)
    where f.id = v_feed.id;
    v_counts := architecture.feed_upsert_items(v_feed.id, feed_record_fetch_v1.outcome -> 'items');
    v_articles := architecture.fan_out_feed(v_feed.id);
  end if;

  if v_kind <> 'error' then
    update architecture.feeds as f set
      redirect_candidate = v_target,
      redirect_confirmations = case
        when v_target is null then 0
        when v_target = f.redirect_candidate then f.redirect_confirmations + 1
        else 1
      end
    where f.id = v_feed.id;
    update architecture.feeds as f set
      previous_urls = f.previous_urls || f.url, url = f.redirect_candidate,
      redirect_candidate = null, redirect_confirmations = 0
    where f.id = v_feed.id and f.redirect_confirmations >= 3
      and not exists (select 1 from architecture.feeds as o where o.url = f.redirect_candidate);
  end if;

  return jsonb_build_object(
    'items', v_counts, 'articles', v_articles,
    'url', (select f.url from architecture.feeds as f where f.id = v_feed.id)
  );
end;
$$;
revoke all on function architecture.feed_record_fetch_v1(uuid, jsonb) from public;
grant execute on function architecture.feed_record_fetch_v1(uuid, jsonb) to sidecar;
