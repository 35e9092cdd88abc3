-- sql/policies/verticals/architecture/insights_article_patterns.sql — article ↔ pattern links. Layer: vertical.
-- Written only by the projection functions (definer); readable with the article.
create policy select_member on architecture.article_patterns for select to authenticated
using (
  tenant_id = (select chassis.current_tenant_id())
  and exists (
    select 1 from architecture.articles as a
    where a.id = article_patterns.article_id
  )
);
comment on policy select_member on architecture.article_patterns is
'Links are visible exactly when their article is (same tenant, readable, feed still subscribed).';
