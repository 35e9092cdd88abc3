-- sql/api/verticals/architecture/architecture_feed_subscribe.sql — subscribe the current tenant to a feed URL.
-- Layer: vertical. Idempotent per (tenant, URL); one fetch serves every subscribing tenant. PT403 for viewers,
-- PT400 for a URL that is not absolute http(s).
create or replace function api.architecture_feed_subscribe(url text, title text default null)
returns api.architecture_feed_subscriptions
language plpgsql volatile
set search_path = ''
as $$
declare
  v_id uuid := architecture.feed_subscribe(architecture_feed_subscribe.url, architecture_feed_subscribe.title);
  v_result api.architecture_feed_subscriptions;
begin
  select * into v_result from api.architecture_feed_subscriptions as s where s.id = v_id;
  return v_result;
end;
$$;
grant execute on function api.architecture_feed_subscribe(text, text) to authenticated;
