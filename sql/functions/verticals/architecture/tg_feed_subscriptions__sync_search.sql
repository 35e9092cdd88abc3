-- sql/functions/verticals/architecture/tg_feed_subscriptions__sync_search.sql — a tenant's feed articles are in
-- its search exactly while it subscribes. Layer: vertical. Definer trigger: unsubscribing removes them (the
-- articles stay, invisible); subscribing again indexes the ones kept from before.
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
  perform architecture.article_search_index(a.id)
  from architecture.articles as a where a.tenant_id = new.tenant_id and a.feed_id = new.feed_id;
  return new;
end;
$$;
revoke all on function architecture.tg_feed_subscriptions__sync_search() from public;

create trigger _500_sync_search after insert or delete on architecture.feed_subscriptions
for each row execute function architecture.tg_feed_subscriptions__sync_search();
