-- sql/policies/verticals/architecture/feeds_feeds.sql — feeds are visible through a subscription. Layer: vertical.
create policy select_subscriber on architecture.feeds for select to authenticated
using (
  exists (
    select 1 from architecture.feed_subscriptions as s
    where s.feed_id = feeds.id and s.tenant_id = (select chassis.current_tenant_id())
  )
  and (select chassis.can('architecture.article.read'))
);
comment on policy select_subscriber on architecture.feeds is
'A feed (URL, status, last error) is visible to members of tenants that subscribe to it.';
