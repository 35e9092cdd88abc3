-- sql/tests/chassis/api_catalogues.test.sql — the global catalogues api.plans and api.webhook_event_types: every
-- signed-in persona reads them (whatever its tenant and role), none can write them, anon reaches neither.
-- Layer: chassis (tests).
begin;
select plan(16);
select tests.personas();
select chassis.register_counter('tests.widgets', 'widgets made', 'month');
select chassis.register_plan('tests-basic', 'Basic', false, 'price_secret_basic', 900);
select chassis.set_plan_limit('tests-basic', 'tests.widgets', 3, 2, '1 hour');
select chassis.register_plan('tests-bare', 'Bare', false);
select chassis.register_event_type('tests.thing.happened', 'something happened');

create function pg_temp.plans()
returns setof text
language sql
as $$ select id || ':' || limits::text from api.plans where id like 'tests-%' order by id $$;

select tests.authenticate_as('olivia', 'acme');
select results_eq(
  $$ select * from pg_temp.plans() $$,
  $$ values ('tests-bare:{}'),
    ('tests-basic:{"tests.widgets": {"rate_limit": 2, "rate_window": "01:00:00", "period_limit": 3}}') $$,
  'owner: every plan with its limits'
);
select is(
  (
    select p.monthly_price_cents from api.plans as p
    where p.id = 'tests-basic'
  ),
  900, 'owner: the price is listed'
);
select hasnt_column('api', 'plans', 'stripe_price_id', 'the provider price id is not exposed');
select is(
  (
    select e.description from api.webhook_event_types as e
    where e.event_type = 'tests.thing.happened'
  ),
  'something happened', 'owner: registered event types are listed'
);
select throws_ok($$ insert into api.plans (id, name) values ('tests-free-money', 'Free money') $$, '42501', null,
  'owner: cannot add a plan');
select throws_ok($$ update api.plans set monthly_price_cents = 0 where id = 'tests-basic' $$, '42501', null,
  'owner: cannot reprice a plan');
select throws_ok($$ delete from api.plans where id = 'tests-basic' $$, '42501', null, 'owner: cannot delete a plan');
select throws_ok($$ insert into api.webhook_event_types values ('tests.forged', 'forged') $$, '42501', null,
  'owner: cannot add an event type');
select tests.clear_authentication();

select tests.authenticate_as('victor', 'acme');
select is((select count(*)::int from pg_temp.plans()), 2, 'viewer: reads the plans');
select tests.clear_authentication();

select tests.authenticate_as('gary', 'globex');
select is((select count(*)::int from pg_temp.plans()), 2, 'stranger tenant: reads the same catalogue');
select is(
  (
    select count(*)::int from api.webhook_event_types as e
    where e.event_type = 'tests.thing.happened'
  ),
  1, 'stranger tenant: reads the same event types'
);
select tests.clear_authentication();

select tests.authenticate_as('nina');
select is((select count(*)::int from pg_temp.plans()), 2, 'signed in without a tenant: reads the plans');
select tests.clear_authentication();

select throws_ok($$ select tests.authenticate_as('suzy', 'umbrella') $$, 'PT403', null,
  'suspended tenant: refused before any read');
select tests.clear_authentication();

select tests.as_anon();
select throws_ok($$ select * from api.plans $$, '42501', null, 'anon: plans');
select throws_ok($$ select * from api.webhook_event_types $$, '42501', null, 'anon: webhook_event_types');
select tests.clear_authentication();

select is(
  (
    select p.limits -> 'tests.widgets' ->> 'period_limit' from api.plans as p
    where p.id = 'tests-basic'
  ),
  '3', 'the catalogue is unchanged after every refusal'
);

select * from finish();
rollback;
