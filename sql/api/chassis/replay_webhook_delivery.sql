-- sql/api/chassis/replay_webhook_delivery.sql — RPC /rpc/replay_webhook_delivery: send a delivery again.
-- Layer: chassis.
create function api.replay_webhook_delivery(delivery_id uuid)
returns void
language sql volatile
set search_path = ''
as $$
  select chassis.replay_webhook_delivery(replay_webhook_delivery.delivery_id);
$$;
grant execute on function api.replay_webhook_delivery(uuid) to authenticated;
