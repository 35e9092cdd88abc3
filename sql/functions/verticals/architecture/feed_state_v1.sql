-- sql/functions/verticals/architecture/feed_state_v1.sql — what the fetcher needs to know about one feed.
-- Layer: vertical. Sidecar (as itself) only; null when the feed does not exist.
create function architecture.feed_state_v1(feed_id uuid)
returns jsonb
language sql stable security definer
set search_path = ''
as $$
  select jsonb_build_object(
    'id', f.id, 'url', f.url, 'status', f.status, 'etag', f.etag, 'last_modified', f.last_modified,
    'ttl_minutes', f.ttl_minutes, 'error_count', f.error_count, 'redirect_candidate', f.redirect_candidate,
    'redirect_confirmations', f.redirect_confirmations, 'key_policy', f.key_policy,
    'subscribers', (select count(*) from architecture.feed_subscriptions as s where s.feed_id = f.id)
  )
  from architecture.feeds as f where f.id = feed_state_v1.feed_id;
$$;
revoke all on function architecture.feed_state_v1(uuid) from public;
grant execute on function architecture.feed_state_v1(uuid) to sidecar;
