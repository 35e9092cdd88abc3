-- sql/functions/chassis/webhook_delivery_finish_v1.sql — record one attempt's outcome and schedule what follows.
-- Layer: chassis. Worker only. 2xx → delivered. Otherwise retrying with exponential backoff and jitter (a new job
-- at next_attempt_at, enqueued under the job's principal), or dead once chassis.webhook_policy.max_attempts is
-- reached. Returns the new status.
create function chassis.webhook_delivery_finish_v1(
  delivery_id uuid, status_code int, error text, duration_ms int
)
returns text
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_policy chassis.webhook_policy;
  v_delivery chassis.webhook_deliveries;
  v_status text;
  v_delay interval;
begin
  perform chassis.outbox_require_worker();
  select p.* into v_policy from chassis.webhook_policy as p;
  select d.* into v_delivery from chassis.webhook_deliveries as d
  where d.id = webhook_delivery_finish_v1.delivery_id
    and (chassis.current_tenant_id() is null or d.tenant_id = chassis.current_tenant_id())
  for update;
  if not found or v_delivery.status not in ('pending', 'retrying') then
    raise sqlstate 'PT409' using message = format('delivery %s is not in flight', webhook_delivery_finish_v1.delivery_id);
  end if;
  insert into chassis.webhook_attempts (delivery_id, tenant_id, attempt, status_code, error, duration_ms)
  values (
    v_delivery.id, v_delivery.tenant_id, v_delivery.attempt_count + 1, webhook_delivery_finish_v1.status_code,
    left(webhook_delivery_finish_v1.error, 2000), greatest(webhook_delivery_finish_v1.duration_ms, 0)
  );
  if webhook_delivery_finish_v1.status_code between 200 and 299 then
    v_status := 'delivered';
  elsif v_delivery.attempt_count + 1 >= v_policy.max_attempts then
    v_status := 'dead';
  else
    v_status := 'retrying';
    v_delay := least(v_policy.max_delay, v_policy.base_delay * power(2, v_delivery.attempt_count))
      * (0.5 + random() * 0.5);
  end if;
  update chassis.webhook_deliveries as d
  set status = v_status,
    attempt_count = d.attempt_count + 1,
    last_status_code = webhook_delivery_finish_v1.status_code,
    last_error = left(webhook_delivery_finish_v1.error, 2000),
    delivered_at = case when v_status = 'delivered' then now() end,
    next_attempt_at = now() + coalesce(v_delay, interval '0'),
    updated_at = now()
  where d.id = v_delivery.id;
  if v_status = 'retrying' then
    perform chassis.enqueue_job(
      'webhook_deliveries__send', jsonb_build_object('delivery_id', v_delivery.id),
      'webhook:' || v_delivery.id, now() + v_delay
    );
  end if;
  return v_status;
end;
$$;
grant execute on function chassis.webhook_delivery_finish_v1(uuid, int, text, int) to authenticated, sidecar;
