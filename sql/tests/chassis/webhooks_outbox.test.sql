-- sql/tests/chassis/webhooks_outbox.test.sql — the outbox in the business transaction: emit_event fans out to
-- subscribed endpoints with one job each; retries back off exponentially with jitter; invitations queue their
-- email with the one-time token. Layer: chassis (tests).
begin;
select plan(17);
select tests.personas();
select chassis.register_event_type('tests.thing.happened', 'something happened');
select chassis.register_event_type('tests.other.happened', 'something else');

select tests.authenticate_as('olivia', 'acme');
select api.create_webhook_endpoint('https://hooks.example/a', array['tests.thing.happened']);
select api.create_webhook_endpoint('https://hooks.example/b', array['tests.thing.happened', 'tests.other.happened']);
select api.set_webhook_endpoint_enabled(
  (select id from api.webhook_endpoints
where url = 'https://hooks.example/b'), false
);
select tests.authenticate_as('gary', 'globex');
select api.create_webhook_endpoint('https://hooks.example/globex', array['tests.thing.happened']);

-- Fan-out.
select tests.authenticate_as('mia', 'acme');
select lives_ok($$ select chassis.emit_event('tests.thing.happened', '{"n": 1}') $$, 'member: emits an event');
select tests.clear_authentication();
select results_eq(
  $$ select e.url from chassis.webhook_deliveries as d join chassis.webhook_endpoints as e on e.id = d.endpoint_id $$,
  $$ values ('https://hooks.example/a') $$,
  'one delivery: the enabled acme endpoint subscribed to the type (not the paused one, not globex''s)'
);
select results_eq(
  $$ select queue_name::text, args #>> '{principal,user_id}', args ->> 'delivery_id'
     from procrastinate.procrastinate_jobs where task_name = 'webhook_deliveries__send' $$,
  $$ select 'webhooks', tests.user_id('mia')::text, id::text from chassis.webhook_deliveries $$,
  'one job on the webhooks queue, stamped with the emitting member'
);
select is(
  (select envelope ->> 'user_id' from chassis.outbox), tests.user_id('mia')::text,
  'the outbox row keeps the envelope of the business transaction'
);
select tests.authenticate_as('mia', 'acme');
select lives_ok($$ select chassis.emit_event('tests.other.happened', '{}') $$, 'an event nobody listens to');
select tests.clear_authentication();
select is((select count(*)::int from chassis.webhook_deliveries), 1, 'it fans out to no delivery');
select tests.authenticate_as('mia', 'acme');
select throws_ok($$ select chassis.emit_event('tests.nope', '{}') $$, 'PT400', 'unknown event type tests.nope',
  'an unregistered event type is refused');
select tests.authenticate_as('mia');
select throws_ok($$ select chassis.emit_event('tests.thing.happened', '{}') $$, 'PT400', null,
  'no tenant selected: refused');
select tests.as_anon();
select throws_ok($$ select chassis.emit_event('tests.thing.happened', '{}') $$, '42501', null, 'anon cannot emit');

-- Retry: exponential backoff with jitter (base 30 s: attempt 1 waits 15–30 s, attempt 2 waits 30–60 s).
select tests.clear_authentication();
select id::text as delivery_id from chassis.webhook_deliveries \gset
do $$ begin perform set_config('stance.via_hint', 'worker', true); end $$;
select tests.authenticate_as('mia', 'acme');
select is((select count(*)::int from chassis.webhook_delivery_start_v1(:'delivery_id')), 1, 'worker: attempt 1');
select is(chassis.webhook_delivery_finish_v1(:'delivery_id', 503, 'HTTP 503', 5), 'retrying', 'attempt 1 failed');
select tests.clear_authentication();
select ok(
  (select next_attempt_at - now() between interval '15 seconds' and interval '30 seconds'
   from chassis.webhook_deliveries),
  'attempt 2 is due 15–30 s later'
);
select ok(
  (select count(*) = 1 from procrastinate.procrastinate_jobs
   where args ->> 'delivery_id' = :'delivery_id' and status = 'todo'),
  'a waiting job covers the retry'
);
update chassis.webhook_deliveries set next_attempt_at = now();
select tests.authenticate_as('mia', 'acme');
select is((select count(*)::int from chassis.webhook_delivery_start_v1(:'delivery_id')), 1, 'worker: attempt 2');
select is(chassis.webhook_delivery_finish_v1(:'delivery_id', null, 'ConnectError', 5), 'retrying', 'attempt 2 failed');
select tests.clear_authentication();
select ok(
  (select next_attempt_at - now() between interval '30 seconds' and interval '60 seconds'
   from chassis.webhook_deliveries),
  'attempt 3 is due 30–60 s later (doubled)'
);
do $$ begin perform set_config('stance.via_hint', '', true); end $$;

-- Invitations send their email through the outbox.
select tests.authenticate_as('olivia', 'acme');
select (api.invite('member', 'newbie@example.test')) ->> 'token' as token \gset
select tests.clear_authentication();
select results_eq(
  $$ select kind, to_address::text, data ->> 'tenant_name', data ->> 'role', data ->> 'token', status
     from chassis.email_messages $$,
  format('values (''invitation'', ''newbie@example.test'', ''Acme'', ''member'', %L, ''pending'')', :'token'),
  'the invitation email is queued with the one-time token'
);

select * from finish();
rollback;
