-- sql/api/chassis/set_webhook_endpoint_enabled.sql — RPC /rpc/set_webhook_endpoint_enabled. Layer: chassis.
create function api.set_webhook_endpoint_enabled(endpoint_id uuid, enabled boolean)
returns void
language sql volatile
set search_path = ''
as $$
  select chassis.set_webhook_endpoint_enabled(set_webhook_endpoint_enabled.endpoint_id,
    set_webhook_endpoint_enabled.enabled);
$$;
grant execute on function api.set_webhook_endpoint_enabled(uuid, boolean) to authenticated;
