-- sql/functions/chassis/replay_webhook_delivery.sql — send a delivered or dead delivery again (same message id).
-- Layer: chassis. Holders of chassis.webhooks.manage only; resets the attempt count and queues a job now.
create function chassis.replay_webhook_delivery(delivery_id uuid)
returns void
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_tenant_id uuid := chassis.require_tenant();
  v_status text;
begin
  if not chassis.can('chassis.webhooks.manage') then
    raise sqlstate 'PT403' using message = 'only owners and admins can replay webhook deliveries';
  end if;
  select d.status into v_status from chassis.webhook_deliveries as d
  where d.id = replay_webhook_delivery.delivery_id and d.tenant_id = v_tenant_id
  for update;
  if not found then
    raise sqlstate 'PT404' using message = 'webhook delivery not found';
  end if;
  if v_status not in ('delivered', 'dead') then
    raise sqlstate 'PT409' using message = format('delivery is %s: only delivered or dead deliveries can be replayed',
      v_status);
  end if;
  update chassis.webhook_deliveries as d
  set status = 'pending', attempt_count = 0, next_attempt_at = now(), replays = d.replays + 1, delivered_at = null,
    updated_at = now()
  where d.id = replay_webhook_delivery.delivery_id;
  perform chassis.enqueue_job(
    'webhook_deliveries__send', pg_catalog.jsonb_build_object('delivery_id', replay_webhook_delivery.delivery_id),
    'webhook:' || replay_webhook_delivery.delivery_id
  );
end;
$$;
grant execute on function chassis.replay_webhook_delivery(uuid) to authenticated;
