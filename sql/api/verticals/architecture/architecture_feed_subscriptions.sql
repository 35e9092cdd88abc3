-- sql/api/verticals/architecture/architecture_feed_subscriptions.sql — the tenant's feeds with fetch status.
-- Layer: vertical. error_count / last_error show back-off; status 'gone' means the feed answered 410.
create view api.architecture_feed_subscriptions with (security_invoker = true) as
select
  s.id,
  s.feed_id,
  f.url,
  coalesce(s.title, f.title, f.url) as title,
  f.title as feed_title,
  f.site_url,
  f.status,
  f.last_checked_at,
  f.last_success_at,
  f.next_check_at,
  f.last_http_status,
  f.error_count,
  f.last_error,
  f.last_error_code,
  f.last_error_at,
  f.previous_urls,
  s.created_by,
  s.created_at
from architecture.feed_subscriptions as s
join architecture.feeds as f on s.feed_id = f.id;
comment on view api.architecture_feed_subscriptions is
'Feeds the tenant subscribes to: URL, title, fetch status, error count and last error.';
grant select on api.architecture_feed_subscriptions to authenticated;
