-- sql/policies/verticals/architecture/feeds_items.sql — feed entries are visible through a subscription.
-- Layer: vertical. Tombstones have RLS and no policy: only definer functions touch them.
create policy select_subscriber on architecture.feed_items for select to authenticated
using (
  exists (
    select 1 from architecture.feed_subscriptions as s
    where s.feed_id = feed_items.feed_id and s.tenant_id = (select chassis.current_tenant_id())
  )
  and (select chassis.can('architecture.article.read'))
);
comment on policy select_subscriber on architecture.feed_items is
'Entries of a feed are visible to members of tenants that subscribe to the feed.';
