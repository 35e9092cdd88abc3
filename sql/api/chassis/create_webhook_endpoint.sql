-- sql/api/chassis/create_webhook_endpoint.sql — RPC /rpc/create_webhook_endpoint: returns {id, secret} once.
-- Layer: chassis. Runs as the caller, delegates to chassis.create_webhook_endpoint().
create function api.create_webhook_endpoint(url text, event_types text[], description text default null)
returns jsonb
language sql volatile
set search_path = ''
as $$
  select chassis.create_webhook_endpoint(
    create_webhook_endpoint.url, create_webhook_endpoint.event_types, create_webhook_endpoint.description
  );
$$;
grant execute on function api.create_webhook_endpoint(text, text[], text) to authenticated;
