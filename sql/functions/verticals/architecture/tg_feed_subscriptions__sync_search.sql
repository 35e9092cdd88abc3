-- sql/functions/verticals/architecture/tg_feed_subscriptions__sync_search.sql — feed articles leave the tenant's
-- search when it unsubscribes. Layer: vertical. Definer trigger (the articles stay, invisible, and come back
-- with a new subscription, which re-indexes them through architecture.feed_subscribe).
create function architecture.tg_feed_subscriptions__sync_search()
returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if tg_op = 'DELETE' then
    perform architecture.search_unindex('article', a.id::text)
    from architecture.articles as a where a.tenant_id = old.tenant_id and a.feed_id = old.feed_id;
    return old;
  end if;
  update architecture.articles as a set title = a.title
  where a.tenant_id = new.tenant_id and a.feed_id = new.feed_id;
  return new;
end;
$$;
revoke all on function architecture.tg_feed_subscriptions__sync_search() from public;

create trigger _500_sync_search after insert or delete on architecture.feed_subscriptions
for each row execute function architecture.tg_feed_subscriptions__sync_search();
