-- sql/schemas/verticals/architecture/feeds_30_items.sql — feed entries, stored once for all tenants. Layer: vertical.
-- item_key = sha256 of GUID, else link, else title+text (sidecar/verticals/architecture/feeds/parse.py);
-- html is sanitised (nh3 allow-list) before it gets here, text is its plain-text rendering; text_sha256 is the
-- engine's capture hash of that text (finds every article a shared capture speaks for).
create table architecture.feed_items (
  id uuid primary key default extensions.gen_random_uuid(),
  feed_id uuid not null references architecture.feeds (id) on delete cascade,
  item_key text not null check (item_key ~ '^[0-9a-f]{64}$'),
  key_source text not null check (key_source in ('guid', 'link', 'hash')),
  guid text,
  link text check (link ~* '^https?://'),
  title text not null default '',
  author text,
  published_at timestamptz,
  tags text [] not null default '{}',
  html text not null default '',
  text text not null default '',
  text_sha256 text generated always as (pg_catalog.encode(extensions.digest(text, 'sha256'), 'hex')) stored,
  content_hash text not null check (content_hash ~ '^[0-9a-f]{64}$'),
  revision int not null default 1 check (revision > 0),
  first_seen_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (feed_id, item_key)
);
comment on table architecture.feed_items is
'Entries of a feed, once for every tenant; edits bump revision and content_hash (only those get re-interpreted).';
create index feed_items_text_sha256_idx on architecture.feed_items (text_sha256);
create index feed_items_feed_published_idx on architecture.feed_items (feed_id, published_at desc);
alter table architecture.feed_items enable row level security;
alter table architecture.feed_items force row level security;
grant select on architecture.feed_items to authenticated;
