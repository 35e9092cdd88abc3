-- sql/schemas/verticals/architecture/articles_10_articles.sql — a tenant's articles: feed entries and documents.
-- Layer: vertical. A feed article points at the shared feed item (content stored once); a document (pasted or
-- uploaded Markdown, HTML or text) carries its own sanitised html and text. interpreted_hash is the content
-- hash last handed to the interpreters: a differing content_hash means "interpret again".
create table architecture.articles (
  id uuid primary key default extensions.gen_random_uuid(),
  tenant_id uuid not null default chassis.current_tenant_id() references chassis.tenants (id) on delete cascade,
  kind text not null check (kind in ('feed', 'document')),
  feed_id uuid references architecture.feeds (id) on delete cascade,
  feed_item_id uuid references architecture.feed_items (id) on delete cascade,
  title text check (length(title) <= 1000),
  url text check (url ~* '^https?://'),
  format text check (format in ('markdown', 'html', 'text')),
  html text,
  text text,
  text_sha256 text generated always as (pg_catalog.encode(extensions.digest(text, 'sha256'), 'hex')) stored,
  content_hash text not null check (content_hash ~ '^[0-9a-f]{64}$'),
  interpreted_hash text,
  created_by uuid default chassis.current_user_id() references chassis.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((kind = 'feed') = (feed_item_id is not null and feed_id is not null)),
  check ((kind = 'document') = (html is not null and text is not null and format is not null and title is not null)),
  unique (tenant_id, feed_item_id)
);
comment on table architecture.articles is
'Per-tenant articles: feed entries (content in architecture.feed_items) and documents (content here).';
create unique index articles_document_hash_idx on architecture.articles (tenant_id, content_hash)
where kind = 'document';
create index articles_feed_item_id_idx on architecture.articles (feed_item_id);
create index articles_feed_id_idx on architecture.articles (tenant_id, feed_id);
create index articles_text_sha256_idx on architecture.articles (tenant_id, text_sha256);
alter table architecture.articles enable row level security;
alter table architecture.articles force row level security;
grant select on architecture.articles to authenticated;
grant insert (tenant_id, kind, title, url, format, html, text, content_hash) on architecture.articles to authenticated;
grant delete on architecture.articles to authenticated;
