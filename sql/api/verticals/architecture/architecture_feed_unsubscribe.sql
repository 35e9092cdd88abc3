-- sql/api/verticals/architecture/architecture_feed_unsubscribe.sql — end a subscription. Layer: vertical.
-- The feed's articles disappear from the tenant (they return if it subscribes again). PT404 when the
-- subscription is not visible, PT403 without the architecture.feed.subscribe action.
create or replace function api.architecture_feed_unsubscribe(id uuid)
returns boolean
language plpgsql volatile
set search_path = ''
as $$
begin
  perform chassis.require_user();
  if not exists (select 1 from architecture.feed_subscriptions as s where s.id = architecture_feed_unsubscribe.id) then
    raise sqlstate 'PT404' using message = 'subscription not found';
  end if;
  if not chassis.can('architecture.feed.subscribe') then
    raise sqlstate 'PT403' using message = 'unsubscribing needs the architecture.feed.subscribe action';
  end if;
  delete from architecture.feed_subscriptions as s where s.id = architecture_feed_unsubscribe.id;
  return found;
end;
$$;
grant execute on function api.architecture_feed_unsubscribe(uuid) to authenticated;
