-- sql/tests/chassis/webhooks_api.test.sql — webhook endpoints and deliveries per persona: who may register, see,
-- replay; the secret is shown once and never readable; delivery state functions are the sidecar's only.
-- Layer: chassis (tests).
begin;
select plan(24);
select tests.personas();
select chassis.register_event_type('tests.thing.happened', 'something happened');

-- Registration.
select tests.authenticate_as('olivia', 'acme');
select ok(
  (select api.create_webhook_endpoint('https://hooks.example/a', array['tests.thing.happened'])) ->> 'secret'
  ~ '^whsec_[A-Za-z0-9+/=]{40,}$',
  'owner: registers an endpoint and gets its secret once'
);
select throws_ok(
  $$ select secret from chassis.webhook_endpoints $$, '42501', null, 'owner: the secret column is not readable'
);
select throws_ok(
  $$ select api.create_webhook_endpoint('ftp://hooks.example', array['tests.thing.happened']) $$, 'PT422',
  'webhook url must be an absolute http(s) url', 'a non-http url is refused'
);
select throws_ok(
  $$ select api.create_webhook_endpoint('https://hooks.example/b', array['tests.nope']) $$, 'PT422',
  'unknown event type tests.nope', 'an unregistered event type is refused'
);
select throws_ok(
  $$ select api.create_webhook_endpoint('https://hooks.example/b', array[]::text[]) $$, 'PT422',
  'subscribe the endpoint to at least one event type', 'an endpoint needs an event type'
);
select tests.authenticate_as('adam', 'acme');
select lives_ok(
  $$ select api.create_webhook_endpoint('https://hooks.example/admin', array['tests.thing.happened'], 'admin''s') $$,
  'admin: registers an endpoint'
);
select tests.authenticate_as('mia', 'acme');
select throws_ok(
  $$ select api.create_webhook_endpoint('https://hooks.example/c', array['tests.thing.happened']) $$, 'PT403',
  'only owners and admins can manage webhook endpoints', 'member: cannot register'
);
select is((select count(*)::int from api.webhook_endpoints), 2, 'member: sees the tenant''s endpoints');
select tests.authenticate_as('victor', 'acme');
select throws_ok(
  $$ select api.delete_webhook_endpoint((select id from api.webhook_endpoints limit 1)) $$, 'PT403', null,
  'viewer: cannot delete'
);
select tests.authenticate_as('gary', 'globex');
select is((select count(*)::int from api.webhook_endpoints), 0, 'stranger: sees no acme endpoint');
select throws_ok(
  format('select api.set_webhook_endpoint_enabled(%L, false)',
    (select id from chassis.webhook_endpoints
where url = 'https://hooks.example/a')),
  'PT404', 'webhook endpoint not found', 'stranger: cannot pause acme''s endpoint'
);
select tests.as_anon();
select throws_ok(
  $$ select api.create_webhook_endpoint('https://hooks.example/x', array['tests.thing.happened']) $$, '42501', null,
  'anon: cannot register'
);

-- A delivery as emit_event leaves it (written directly here: fan-out and jobs are covered by pytest).
select tests.clear_authentication();
insert into chassis.outbox (tenant_id, event_type, payload, envelope)
values (tests.tenant_id('acme'), 'tests.thing.happened', '{"n": 1}', '{}');
insert into chassis.webhook_deliveries (tenant_id, endpoint_id, outbox_id, event_type)
select
  tests.tenant_id('acme') as tenant_id, e.id as endpoint_id, (select max(id) from chassis.outbox) as outbox_id,
  'tests.thing.happened' as event_type
from chassis.webhook_endpoints as e
where e.url = 'https://hooks.example/a';
update chassis.webhook_policy set max_attempts = 2;
select id::text as delivery_id, 'msg_' || replace(id::text, '-', '') as message_id
from chassis.webhook_deliveries \gset

select tests.authenticate_as('olivia', 'acme');
select throws_ok(
  format('select * from chassis.webhook_delivery_start_v1(%L)', :'delivery_id'), 'PT403',
  'only the worker may change delivery state', 'owner via the api: cannot claim a delivery'
);
select throws_ok(
  format('select chassis.webhook_delivery_finish_v1(%L, 200, null, 1)', :'delivery_id'),
  'PT403', null, 'owner via the api: cannot mark a delivery delivered'
);
select throws_ok(
  format('select api.replay_webhook_delivery(%L)', :'delivery_id'), 'PT409',
  'delivery is pending: only delivered or dead deliveries can be replayed', 'a pending delivery cannot be replayed'
);

-- The delivery job runs as its principal with via worker (what the worker sets before pre_request).
do $$ begin perform set_config('stance.via_hint', 'worker', true); end $$;
select tests.authenticate_as('gary', 'globex');
select is_empty(
  format('select * from chassis.webhook_delivery_start_v1(%L)', :'delivery_id'),
  'worker for another tenant: gets no acme delivery'
);
select tests.authenticate_as('olivia', 'acme');
select results_eq(
  format('select message_id, url, attempt, body -> ''data'' from chassis.webhook_delivery_start_v1(%L)',
    :'delivery_id'),
  format('values (%L, ''https://hooks.example/a'', 1, ''{"n": 1}''::jsonb)',
    :'message_id'),
  'worker: claims the due delivery with its message id, url, attempt number and body'
);
select results_eq(
  format('select message_id is null, wait_seconds between 1 and 120 from chassis.webhook_delivery_start_v1(%L)',
    :'delivery_id'),
  $$ values (true, true) $$,
  'worker: a leased delivery is not handed out twice; the job is told how long to wait'
);
select tests.clear_authentication();
update chassis.webhook_policy set max_attempts = 1;
select tests.authenticate_as('olivia', 'acme');
select is(
  chassis.webhook_delivery_finish_v1(:'delivery_id', 500, 'HTTP 500', 12), 'dead',
  'worker: the last allowed attempt failing makes the delivery dead'
);
select throws_ok(
  format('select chassis.webhook_delivery_finish_v1(%L, 200, null, 1)', :'delivery_id'),
  'PT409', null, 'a dead delivery cannot be finished again'
);
do $$ begin perform set_config('stance.via_hint', '', true); end $$;

select tests.authenticate_as('gary', 'globex');
select is((select count(*)::int from api.webhook_deliveries), 0, 'stranger: sees no acme delivery');
select is((select count(*)::int from api.webhook_attempts), 0, 'stranger: sees no acme attempt');
select throws_ok(
  format('select api.replay_webhook_delivery(%L)', :'delivery_id'), 'PT404',
  'webhook delivery not found', 'stranger: cannot replay acme''s delivery'
);
select tests.authenticate_as('mia', 'acme');
select results_eq(
  $$ select status, attempt_count, last_status_code, last_error from api.webhook_deliveries $$,
  $$ values ('dead', 1, 500, 'HTTP 500') $$,
  'member: sees the delivery state'
);

select * from finish();
rollback;
