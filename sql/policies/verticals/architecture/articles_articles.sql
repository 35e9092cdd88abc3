-- sql/policies/verticals/architecture/articles_articles.sql — a tenant's articles. Layer: vertical.
create policy select_member on architecture.articles for select to authenticated
using (
  tenant_id = (select chassis.current_tenant_id())
  and (select chassis.can('architecture.article.read'))
  and (
    feed_id is null or exists (
      select 1 from architecture.feed_subscriptions as s
      where s.feed_id = articles.feed_id and s.tenant_id = articles.tenant_id
    )
  )
);
comment on policy select_member on architecture.articles is
'Readers see their tenant''s documents, and feed articles while the tenant subscribes to the feed.';

create policy insert_writer on architecture.articles for insert to authenticated
with check (
  tenant_id = (select chassis.current_tenant_id()) and kind = 'document'
  and (select chassis.can('architecture.article.write'))
);
comment on policy insert_writer on architecture.articles is 'Members, admins and owners add documents.';

create policy delete_writer on architecture.articles for delete to authenticated
using (
  tenant_id = (select chassis.current_tenant_id()) and kind = 'document'
  and (select chassis.can('architecture.article.write'))
);
comment on policy delete_writer on architecture.articles is
'Members, admins and owners delete documents; feed articles go away with the subscription.';
