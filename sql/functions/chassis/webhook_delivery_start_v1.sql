-- sql/functions/chassis/webhook_delivery_start_v1.sql — claim a due delivery for one attempt (worker only).
-- Layer: chassis. Returns the request to sign and send (wait_seconds 0) and takes a lease. A delivery still in
-- flight but leased by another attempt or scheduled later returns only wait_seconds (the job retries then: a
-- worker killed mid-attempt leaves a lease, not a lost delivery). Delivered, dead, disabled-endpoint or other
-- tenants' deliveries return no row, so a duplicate job is a no-op. Called inside the job principal's transaction.
create function chassis.webhook_delivery_start_v1(delivery_id uuid)
returns table (message_id text, url text, secret text, body jsonb, attempt int, wait_seconds int)
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_lease interval := (select p.lease from chassis.webhook_policy as p);
  v_tenant_id uuid := chassis.current_tenant_id();
begin
  perform chassis.outbox_require_worker();
  return query
  update chassis.webhook_deliveries as d
  set next_attempt_at = now() + v_lease, updated_at = now()
  from chassis.webhook_endpoints as e, chassis.outbox as o
  where d.id = webhook_delivery_start_v1.delivery_id
    and (v_tenant_id is null or d.tenant_id = v_tenant_id)
    and e.id = d.endpoint_id and e.enabled
    and o.id = d.outbox_id
    and d.status in ('pending', 'retrying')
    and d.next_attempt_at <= now()
  returning
    'msg_' || replace(d.id::text, '-', ''),
    e.url,
    e.secret,
    jsonb_build_object(
      'type', d.event_type,
      'timestamp', to_char(o.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
      'data', o.payload
    ),
    d.attempt_count + 1,
    0;
  if not found then
    return query
    select null::text, null::text, null::text, null::jsonb, null::int,
      greatest(1, ceil(extract(epoch from d.next_attempt_at - now())))::int
    from chassis.webhook_deliveries as d
    inner join chassis.webhook_endpoints as e on d.endpoint_id = e.id
    where d.id = webhook_delivery_start_v1.delivery_id
      and (v_tenant_id is null or d.tenant_id = v_tenant_id)
      and e.enabled
      and d.status in ('pending', 'retrying');
  end if;
end;
$$;
grant execute on function chassis.webhook_delivery_start_v1(uuid) to authenticated, sidecar;
