-- sql/api/chassis/delete_webhook_endpoint.sql — RPC /rpc/delete_webhook_endpoint. Layer: chassis.
create function api.delete_webhook_endpoint(endpoint_id uuid)
returns void
language sql volatile
set search_path = ''
as $$
  select chassis.delete_webhook_endpoint(delete_webhook_endpoint.endpoint_id);
$$;
grant execute on function api.delete_webhook_endpoint(uuid) to authenticated;
