-- sql/policies/verticals/architecture/feeds_subscriptions.sql — a tenant's feed subscriptions. Layer: vertical.
create policy select_member on architecture.feed_subscriptions for select to authenticated
using (tenant_id = (select chassis.current_tenant_id()) and (select chassis.can('architecture.article.read')));
comment on policy select_member on architecture.feed_subscriptions is 'Readers see their tenant''s subscriptions.';

create policy insert_subscriber on architecture.feed_subscriptions for insert to authenticated
with check (
  tenant_id = (select chassis.current_tenant_id()) and (select chassis.can('architecture.feed.subscribe'))
);
comment on policy insert_subscriber on architecture.feed_subscriptions is 'Members, admins and owners subscribe.';

create policy update_subscriber on architecture.feed_subscriptions for update to authenticated
using (tenant_id = (select chassis.current_tenant_id()) and (select chassis.can('architecture.feed.subscribe')))
with check (tenant_id = (select chassis.current_tenant_id()));
comment on policy update_subscriber on architecture.feed_subscriptions is 'Subscribers may rename a subscription.';

create policy delete_subscriber on architecture.feed_subscriptions for delete to authenticated
using (tenant_id = (select chassis.current_tenant_id()) and (select chassis.can('architecture.feed.subscribe')));
comment on policy delete_subscriber on architecture.feed_subscriptions is 'Members, admins and owners unsubscribe.';
