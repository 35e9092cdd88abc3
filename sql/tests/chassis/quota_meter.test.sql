-- sql/tests/chassis/quota_meter.test.sql — chassis.meter() at its limits, under the PostgREST request model.
-- Layer: chassis (tests). Plan limit → PT402, rate limit → PGRST carrying PT429 + Retry-After; the refusal rolls
-- back with the metered action; usage is visible to members through api.usage.
begin;
select plan(24);
select tests.personas();
select chassis.register_counter('tests.widgets', 'widgets made', 'month');
select chassis.register_counter('tests.pings', 'pings sent', 'day');
select chassis.register_plan('free', 'Free', true);
select chassis.register_plan('pro', 'Pro', false, 'price_pro');
select chassis.set_plan_limit('free', 'tests.widgets', 3);
select chassis.set_plan_limit('free', 'tests.pings', null, 2, '1 hour');
select chassis.set_plan_limit('pro', 'tests.widgets', 100);

-- A metered RPC the way upper layers write one: the action and the count share the transaction.
create table tests.widgets (id int generated always as identity, tenant_id uuid);
grant insert, select on tests.widgets to authenticated;
create function tests.make_widget()
returns bigint
language plpgsql
as $$
begin
  insert into tests.widgets (tenant_id) values (chassis.current_tenant_id());
  return chassis.meter('tests.widgets');
end;
$$;
-- The error a call raises, as jsonb (run in a subtransaction so the test can go on).
create function tests.error_of(sql text)
returns jsonb
language plpgsql
as $$
declare
  v_state text;
  v_message text;
  v_detail text;
begin
  execute error_of.sql;
  return null;
exception when others then
  get stacked diagnostics v_state = returned_sqlstate, v_message = message_text, v_detail = pg_exception_detail;
  return jsonb_build_object('state', v_state, 'message', v_message, 'detail', v_detail);
end;
$$;
grant execute on all functions in schema tests to public;

select tests.authenticate_as('olivia', 'acme');
select is(tests.make_widget(), 1::bigint, 'owner: first widget counts 1');
select is(tests.make_widget(), 2::bigint, 'owner: second widget counts 2');
select is(tests.make_widget(), 3::bigint, 'owner: the last allowed widget (3 of 3) passes');
select throws_ok($$ select tests.make_widget() $$, 'PT402', null, 'owner: the first refused widget raises PT402');
select is(
  tests.error_of('select tests.make_widget()') ->> 'message',
  format('plan limit reached for tests.widgets: 3 per month on plan free; used 3; resets at %s',
    date_trunc('month', now(), 'UTC') + interval '1 month'),
  'PT402 message names the limit, the plan, the usage and the reset time'
);
select is((select count(*)::int from tests.widgets), 3, 'the refused widgets were rolled back with their count');
select results_eq(
  $$ select counter, used, period_limit, plan_id from api.usage where counter = 'tests.widgets' $$,
  $$ values ('tests.widgets', 3::bigint, 3::bigint, 'free') $$,
  'owner: api.usage shows 3 of 3 on free'
);

select tests.authenticate_as('mia', 'acme');
select is((select used from api.usage
where counter = 'tests.widgets'), 3::bigint, 'member: sees the tenant usage');
select throws_ok($$ select tests.make_widget() $$, 'PT402', null, 'member: refused too (the limit is per tenant)');

select tests.authenticate_as('gary', 'globex');
select is((select used from api.usage
where counter = 'tests.widgets'), 0::bigint, 'stranger: sees only globex');
select is(tests.make_widget(), 1::bigint, 'stranger: globex has its own count');
select is(
  (select count(*)::int from chassis.usage_counts
where tenant_id = tests.tenant_id('acme')), 0,
  'stranger: cannot read acme usage rows'
);

-- Rate limit: 2 per hour window.
select tests.authenticate_as('olivia', 'acme');
select is(chassis.meter('tests.pings'), 1::bigint, 'rate: first ping passes');
select is(chassis.meter('tests.pings'), 2::bigint, 'rate: the last allowed ping (2 of 2) passes');
select throws_ok($$ select chassis.meter('tests.pings') $$, 'PGRST', null, 'rate: the first refused ping raises');
select is(
  (tests.error_of($$ select chassis.meter('tests.pings') $$) ->> 'message')::jsonb ->> 'code', 'PT429',
  'rate: the PostgREST body code is PT429'
);
select alike(
  (tests.error_of($$ select chassis.meter('tests.pings') $$) ->> 'message')::jsonb ->> 'message',
  'rate limit reached for tests.pings: 2 per 01:00:00 on plan free; used 2; resets in % s at %',
  'rate: message names the limit, usage and reset'
);
select is(
  (tests.error_of($$ select chassis.meter('tests.pings') $$) ->> 'detail')::jsonb -> 'status', '429'::jsonb,
  'rate: HTTP status 429'
);
select ok(
  ((tests.error_of($$ select chassis.meter('tests.pings') $$) ->> 'detail')::jsonb #>> '{headers,Retry-After}')::int
  between 1 and 3600,
  'rate: Retry-After is the seconds left in the window'
);

-- Upgrading lifts the plan limit (subscription synced by the sidecar's billing function).
select tests.clear_authentication();
set local role sidecar;
select is(
  chassis.billing_apply_event_v1('fake', jsonb_build_object(
    'id', 'evt_up', 'type', 'customer.subscription.updated', 'created', extract(epoch from now()),
    'data', jsonb_build_object('object', jsonb_build_object(
      'id', 'sub_1', 'object', 'subscription', 'status', 'active', 'customer', 'cus_1',
      'metadata', jsonb_build_object('tenant_id', tests.tenant_id('acme')),
      'items', jsonb_build_object('data', jsonb_build_array(jsonb_build_object('price', jsonb_build_object('id', 'price_pro')))))
    ))),
  'applied', 'sidecar: the upgrade is applied'
);
reset role;
select tests.authenticate_as('olivia', 'acme');
select is(tests.make_widget(), 4::bigint, 'owner on pro: the fourth widget passes');

-- Refusals that are not quotas.
select throws_ok($$ select chassis.meter('tests.nope') $$, 'PT400', 'unknown counter tests.nope', 'unknown counter');
select tests.authenticate_as('olivia');
select throws_ok($$ select chassis.meter('tests.widgets') $$, 'PT401', null, 'no tenant selected: PT401');
select tests.as_anon();
select throws_ok($$ select chassis.meter('tests.widgets') $$, '42501', null, 'anon cannot meter');

select * from finish();
rollback;
