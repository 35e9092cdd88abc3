-- sql/schemas/verticals/architecture/decisions_95_article_links.sql — `cites` links reference articles.
-- Layer: vertical. Loaded after the articles table (feeds/articles part of the vertical); the link RPC checks that
-- the caller can see the article, i.e. that it belongs to the same tenant.
alter table architecture.decision_links add constraint decision_links_article_id_fkey
foreign key (article_id) references architecture.articles (id) on delete cascade;
