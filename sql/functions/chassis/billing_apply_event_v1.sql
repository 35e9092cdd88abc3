-- sql/functions/chassis/billing_apply_event_v1.sql — record a verified provider event and sync its object.
-- Layer: chassis. Only the sidecar (Stripe webhook endpoint, fake provider) may call it. Returns the outcome:
-- duplicate (already in the ledger: no side effect), applied, stale (an equal or newer event already wrote this
-- object), ignored (type not mirrored) or unknown_tenant. Every upsert is guarded by event.created.
create function chassis.billing_apply_event_v1(provider text, event jsonb)
returns text
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_obj jsonb := billing_apply_event_v1.event #> '{data,object}';
  v_type text := billing_apply_event_v1.event ->> 'type';
  v_created timestamptz := pg_catalog.to_timestamp((billing_apply_event_v1.event ->> 'created')::numeric);
  v_tenant_id uuid;
  v_plan_id text;
  v_outcome text;
  v_rows int := 0;
begin
  if v_obj is null or v_type is null or v_created is null or billing_apply_event_v1.event ->> 'id' is null then
    raise sqlstate 'PT400' using message = 'provider event needs id, type, created and data.object';
  end if;
  v_tenant_id := chassis.billing_event_tenant_id(billing_apply_event_v1.provider, v_obj);
  insert into chassis.billing_events (provider, event_id, type, created, tenant_id, outcome, payload)
  values (
    billing_apply_event_v1.provider, billing_apply_event_v1.event ->> 'id', v_type, v_created, v_tenant_id,
    'ignored', billing_apply_event_v1.event
  )
  on conflict on constraint billing_events_pkey do nothing;
  if not found then
    return 'duplicate';
  end if;

  if v_tenant_id is null then
    v_outcome := 'unknown_tenant';
  elsif v_type like 'customer.subscription.%' then
    select p.id into v_plan_id from chassis.plans as p
    where p.stripe_price_id = v_obj #>> '{items,data,0,price,id}' or p.id = v_obj #>> '{metadata,plan_id}'
    order by p.stripe_price_id = v_obj #>> '{items,data,0,price,id}' desc nulls last
    limit 1;
    if v_plan_id is null then
      raise sqlstate 'PT422' using message = format('event %s: no plan matches the subscription price or '
        'metadata.plan_id', billing_apply_event_v1.event ->> 'id');
    end if;
    insert into chassis.subscriptions as s (
      tenant_id, provider, subscription_id, plan_id, status, current_period_end, cancel_at_period_end, last_event_at
    )
    values (
      v_tenant_id, billing_apply_event_v1.provider, v_obj ->> 'id', v_plan_id,
      case when v_type = 'customer.subscription.deleted' then 'canceled' else v_obj ->> 'status' end,
      pg_catalog.to_timestamp(
        coalesce(v_obj ->> 'current_period_end', v_obj #>> '{items,data,0,current_period_end}')::numeric
      ),
      coalesce((v_obj ->> 'cancel_at_period_end')::boolean, false), v_created
    )
    on conflict on constraint subscriptions_pkey do update
    set provider = excluded.provider, subscription_id = excluded.subscription_id, plan_id = excluded.plan_id,
      status = excluded.status, current_period_end = excluded.current_period_end,
      cancel_at_period_end = excluded.cancel_at_period_end, last_event_at = excluded.last_event_at,
      updated_at = now()
    where s.last_event_at < excluded.last_event_at;
    get diagnostics v_rows = row_count;
    v_outcome := case when v_rows = 1 then 'applied' else 'stale' end;
  elsif v_type in ('customer.created', 'customer.updated') then
    insert into chassis.billing_customers as c (tenant_id, provider, customer_id, email, last_event_at)
    values (v_tenant_id, billing_apply_event_v1.provider, v_obj ->> 'id', v_obj ->> 'email', v_created)
    on conflict on constraint billing_customers_pkey do update
    set provider = excluded.provider, customer_id = excluded.customer_id, email = excluded.email,
      last_event_at = excluded.last_event_at, updated_at = now()
    where c.last_event_at < excluded.last_event_at;
    get diagnostics v_rows = row_count;
    v_outcome := case when v_rows = 1 then 'applied' else 'stale' end;
  elsif v_type like 'invoice.%' then
    insert into chassis.billing_invoices as i (
      provider, invoice_id, tenant_id, status, currency, amount_due, amount_paid, hosted_invoice_url, last_event_at
    )
    values (
      billing_apply_event_v1.provider, v_obj ->> 'id', v_tenant_id, v_obj ->> 'status', v_obj ->> 'currency',
      (v_obj ->> 'amount_due')::bigint, (v_obj ->> 'amount_paid')::bigint, v_obj ->> 'hosted_invoice_url', v_created
    )
    on conflict on constraint billing_invoices_pkey do update
    set status = excluded.status, amount_due = excluded.amount_due, amount_paid = excluded.amount_paid,
      hosted_invoice_url = excluded.hosted_invoice_url, last_event_at = excluded.last_event_at, updated_at = now()
    where i.last_event_at < excluded.last_event_at and i.tenant_id = excluded.tenant_id;
    get diagnostics v_rows = row_count;
    v_outcome := case when v_rows = 1 then 'applied' else 'stale' end;
  else
    v_outcome := 'ignored';
  end if;

  update chassis.billing_events as e set outcome = v_outcome
  where e.provider = billing_apply_event_v1.provider and e.event_id = billing_apply_event_v1.event ->> 'id';
  return v_outcome;
end;
$$;
grant execute on function chassis.billing_apply_event_v1(text, jsonb) to sidecar;
