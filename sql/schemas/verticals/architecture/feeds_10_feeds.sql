-- sql/schemas/verticals/architecture/feeds_10_feeds.sql — feeds, one row per URL for every tenant. Layer: vertical.
-- Global: fetched once and fanned out to subscribing tenants. Readable only through a subscription of the
-- caller's tenant; written only by the fetcher's definer functions (architecture.feed_*_v1).
create table architecture.feeds (
  id uuid primary key default extensions.gen_random_uuid(),
  url text not null unique check (url ~* '^https?://[^/\s]+' and length(url) <= 2048),
  title text,
  site_url text,
  language text,
  status text not null default 'active' check (status in ('active', 'gone')),
  etag text,
  last_modified text,
  ttl_minutes int check (ttl_minutes > 0),
  key_policy text not null default 'guid' check (key_policy in ('guid', 'link')),
  next_check_at timestamptz not null default now(),
  last_checked_at timestamptz,
  last_success_at timestamptz,
  last_http_status int,
  error_count int not null default 0 check (error_count >= 0),
  last_error text,
  last_error_code text,
  last_error_at timestamptz,
  redirect_candidate text,
  redirect_confirmations int not null default 0 check (redirect_confirmations >= 0),
  previous_urls text [] not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table architecture.feeds is
'Feed URLs fetched once for all tenants: validators, schedule, back-off, last error, confirmed permanent redirects.';
comment on column architecture.feeds.redirect_candidate is
'Target of a permanent redirect (301/308) seen on the last fetches; the URL is rewritten after 3 confirmations.';
create index feeds_due_idx on architecture.feeds (next_check_at) where status = 'active';
alter table architecture.feeds enable row level security;
alter table architecture.feeds force row level security;
grant select on architecture.feeds to authenticated;
