-- sql/schemas/verticals/architecture/feeds_40_tombstones.sql — purged entries that must never come back.
-- Layer: vertical. Written by architecture.purge_feed_item(); the fetcher skips tombstoned item keys.
create table architecture.feed_item_tombstones (
  feed_id uuid not null references architecture.feeds (id) on delete cascade,
  item_key text not null check (item_key ~ '^[0-9a-f]{64}$'),
  reason text not null default 'purged',
  created_at timestamptz not null default now(),
  primary key (feed_id, item_key)
);
comment on table architecture.feed_item_tombstones is 'Deleted feed entries by identity; a later fetch never re-creates them.';
alter table architecture.feed_item_tombstones enable row level security;
alter table architecture.feed_item_tombstones force row level security;
