-- sql/policies/verticals/architecture/insights_article_claims.sql — claims and trade-offs. Layer: vertical.
-- Written only by the projection functions (definer); readable with the article.
create policy select_member on architecture.article_claims for select to authenticated
using (
  tenant_id = (select chassis.current_tenant_id())
  and exists (
    select 1 from architecture.articles as a
    where a.id = article_claims.article_id
  )
);
comment on policy select_member on architecture.article_claims is
'Claims are visible exactly when their article is (same tenant, readable, feed still subscribed).';
