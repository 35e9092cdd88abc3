-- sql/schemas/verticals/architecture/feeds_20_subscriptions.sql — a tenant's subscription to a feed. Layer: vertical.
create table architecture.feed_subscriptions (
  id uuid primary key default extensions.gen_random_uuid(),
  tenant_id uuid not null default chassis.current_tenant_id() references chassis.tenants (id) on delete cascade,
  feed_id uuid not null references architecture.feeds (id) on delete cascade,
  title text check (length(btrim(title)) between 1 and 300),
  created_by uuid default chassis.current_user_id() references chassis.users (id) on delete set null,
  created_at timestamptz not null default now(),
  unique (tenant_id, feed_id)
);
comment on table architecture.feed_subscriptions is
'Which tenants receive which feed; articles of a feed are visible to a tenant only while it subscribes.';
create index feed_subscriptions_feed_id_idx on architecture.feed_subscriptions (feed_id);
alter table architecture.feed_subscriptions enable row level security;
alter table architecture.feed_subscriptions force row level security;
grant select, delete on architecture.feed_subscriptions to authenticated;
grant insert (tenant_id, feed_id, title) on architecture.feed_subscriptions to authenticated;
grant update (title) on architecture.feed_subscriptions to authenticated;
