-- sql/functions/chassis/emit_event.sql — write an event of the request's tenant to the outbox, in the caller's
-- transaction, and fan it out: one delivery per enabled endpoint subscribed to the type, each with a job.
-- Layer: chassis. Returns the outbox id. Upper layers call it from their RPCs and triggers.
create function chassis.emit_event(event_type text, payload jsonb)
returns bigint
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_tenant_id uuid := chassis.current_tenant_id();
  v_outbox_id bigint;
  v_delivery_id uuid;
begin
  perform chassis.require_envelope();
  if v_tenant_id is null then
    raise sqlstate 'PT400' using message = 'emit_event needs a tenant in the request envelope';
  end if;
  if not exists (select 1 from chassis.webhook_event_types as t where t.event_type = emit_event.event_type) then
    raise sqlstate 'PT400' using message = format('unknown event type %s', emit_event.event_type),
      hint = 'register it with chassis.register_event_type()';
  end if;
  insert into chassis.outbox (tenant_id, event_type, payload, envelope)
  values (v_tenant_id, emit_event.event_type, emit_event.payload, chassis.envelope())
  returning id into v_outbox_id;
  for v_delivery_id in
    insert into chassis.webhook_deliveries (tenant_id, endpoint_id, outbox_id, event_type)
    select v_tenant_id, e.id, v_outbox_id, emit_event.event_type
    from chassis.webhook_endpoints as e
    where e.tenant_id = v_tenant_id and e.enabled and emit_event.event_type = any(e.event_types)
    returning id
  loop
    perform chassis.enqueue_job(
      'webhook_deliveries__send', jsonb_build_object('delivery_id', v_delivery_id), 'webhook:' || v_delivery_id
    );
  end loop;
  return v_outbox_id;
end;
$$;
grant execute on function chassis.emit_event(text, jsonb) to authenticated, sidecar;
