-- sql/functions/verticals/architecture/feeds_due_v1.sql — claim feeds whose next check is due. Layer: vertical.
-- Called by the feed scheduler (sidecar, as itself): takes up to max_feeds due active feeds that have a
-- subscriber, oldest first, skipping rows another scheduler holds, and leases them (next_check_at moves by
-- `lease`) so a crashed fetch is retried after the lease instead of immediately.
create function architecture.feeds_due_v1(max_feeds int default 50, lease interval default '10 minutes')
returns setof uuid
language sql volatile security definer
set search_path = ''
as $$
  update architecture.feeds as f set next_check_at = pg_catalog.now() + feeds_due_v1.lease
  where f.id in (
    select d.id from architecture.feeds as d
    where d.status = 'active' and d.next_check_at <= pg_catalog.now()
      and exists (select 1 from architecture.feed_subscriptions as s where s.feed_id = d.id)
    order by d.next_check_at
    limit feeds_due_v1.max_feeds
    for update skip locked
  )
  returning f.id;
$$;
revoke all on function architecture.feeds_due_v1(int, interval) from public;
grant execute on function architecture.feeds_due_v1(int, interval) to sidecar;
