-- sql/tests/chassis/billing_sync.test.sql — the provider event ledger and guarded sync: redelivery, out-of-order,
-- unknown tenant, who may call it, who may read the result. Layer: chassis (tests).
begin;
select plan(19);
select tests.personas();
select chassis.register_plan('free', 'Free', true);
select chassis.register_plan('pro', 'Pro', false, 'price_pro');
select chassis.register_plan('team', 'Team', false, 'price_team');

create function tests.sub_event(id text, created int, price text, status text default 'active', tenant text default 'acme')
returns jsonb
language sql
as $$
  select jsonb_build_object(
    'id', sub_event.id, 'type', 'customer.subscription.updated', 'created', sub_event.created,
    'data', jsonb_build_object('object', jsonb_build_object(
      'id', 'sub_acme', 'object', 'subscription', 'status', sub_event.status, 'customer', 'cus_acme',
      'cancel_at_period_end', false, 'current_period_end', sub_event.created + 2592000,
      'metadata', jsonb_build_object('tenant_id', case when sub_event.tenant = 'acme' then tests.tenant_id('acme')::text else sub_event.tenant end),
      'items', jsonb_build_object('data', jsonb_build_array(jsonb_build_object('price', jsonb_build_object('id', sub_event.price))))
    ))
  );
$$;
grant execute on function tests.sub_event(text, int, text, text, text) to sidecar;

set local role sidecar;
select is(chassis.billing_apply_event_v1('stripe', tests.sub_event('evt_1', 1000, 'price_pro')), 'applied',
  'a new subscription event is applied');
select is(chassis.tenant_plan_id(tests.tenant_id('acme')), 'pro', 'acme is on pro');
select is(chassis.billing_apply_event_v1('stripe', tests.sub_event('evt_1', 1000, 'price_pro')), 'duplicate',
  'the same event id again is a duplicate');
select is(chassis.billing_apply_event_v1('stripe', tests.sub_event('evt_3', 3000, 'price_team')), 'applied',
  'a newer event is applied');
select is(chassis.billing_apply_event_v1('stripe', tests.sub_event('evt_2', 2000, 'price_pro')), 'stale',
  'an older event arriving late is stale');
select is(chassis.tenant_plan_id(tests.tenant_id('acme')), 'team', 'the late event did not overwrite the newer plan');
select is(
  chassis.billing_apply_event_v1('stripe', tests.sub_event('evt_4', 4000, 'price_team', 'canceled')), 'applied',
  'a cancellation is applied'
);
select is(chassis.tenant_plan_id(tests.tenant_id('acme')), 'free', 'a canceled subscription falls back to the default');
select is(
  chassis.billing_apply_event_v1('stripe', tests.sub_event('evt_5', 5000, 'price_pro', 'active',
    '00000000-0000-0000-0000-00000000dead')),
  'unknown_tenant', 'metadata naming no tenant is recorded as unknown_tenant'
);
select is(
  chassis.billing_apply_event_v1('stripe', tests.sub_event('evt_6', 6000, 'price_pro', 'active', 'not-a-uuid')),
  'unknown_tenant', 'a malformed tenant id is unknown_tenant'
);
select is(
  chassis.billing_apply_event_v1('stripe', jsonb_build_object('id', 'evt_7', 'type', 'invoice.paid', 'created', 7000,
    'data', jsonb_build_object('object', jsonb_build_object('id', 'in_1', 'object', 'invoice', 'customer', 'cus_acme',
      'status', 'paid', 'currency', 'usd', 'amount_due', 1900, 'amount_paid', 1900,
      'parent', jsonb_build_object('subscription_details', jsonb_build_object('metadata',
        jsonb_build_object('tenant_id', tests.tenant_id('acme')))))))),
  'applied', 'an invoice maps to its tenant through the subscription metadata'
);
select is(
  chassis.billing_apply_event_v1('stripe', jsonb_build_object('id', 'evt_8', 'type', 'charge.refunded',
    'created', 8000, 'data', jsonb_build_object('object', jsonb_build_object('id', 'ch_1', 'customer', 'cus_x')))),
  'unknown_tenant', 'an unmapped object without metadata is unknown_tenant'
);
select throws_ok(
  $$ select chassis.billing_apply_event_v1('stripe', '{"id": "evt_9"}') $$, 'PT400', null,
  'an event without type, created or object is refused'
);
reset role;
select results_eq(
  $$ select event_id, outcome from chassis.billing_events order by created $$,
  $$ values ('evt_1', 'applied'), ('evt_2', 'stale'), ('evt_3', 'applied'), ('evt_4', 'applied'),
    ('evt_5', 'unknown_tenant'), ('evt_6', 'unknown_tenant'), ('evt_7', 'applied'), ('evt_8', 'unknown_tenant') $$,
  'the ledger holds each event once with its outcome'
);

-- Only the sidecar may sync.
select tests.authenticate_as('olivia', 'acme');
select throws_ok(
  $$ select chassis.billing_apply_event_v1('stripe', tests.sub_event('evt_x', 9000, 'price_pro')) $$, '42501', null,
  'an owner cannot call the sync function'
);
select results_eq(
  $$ select plan_id, subscription_status from api.billing_status where tenant_id = tests.tenant_id('acme') $$,
  $$ values ('free', 'canceled') $$,
  'owner: api.billing_status shows the plan in force and the subscription state'
);
select is((select count(*)::int from api.billing_invoices), 1, 'owner: sees the tenant invoice');
select tests.authenticate_as('gary', 'globex');
select is((select count(*)::int from api.billing_invoices), 0, 'stranger: sees no acme invoice');
select is(
  (select count(*)::int from api.billing_status
where tenant_id = tests.tenant_id('acme')), 0,
  'stranger: sees no acme billing status'
);

select * from finish();
rollback;
