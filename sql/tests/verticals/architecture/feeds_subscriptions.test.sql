-- sql/tests/verticals/architecture/feeds_subscriptions.test.sql — subscribe/unsubscribe RPCs and the subscription
-- view per persona: one global feed per URL, status and errors visible to subscribers only. Layer: vertical (tests).
begin;
select plan(24);
select tests.personas();

select tests.authenticate_as('mia', 'acme');
select is(
  (api.architecture_feed_subscribe('https://feeds.example.test/weekly', 'Weekly')).url,
  'https://feeds.example.test/weekly', 'member: subscribes to a feed URL'
);
select is(
  (api.architecture_feed_subscribe('https://feeds.example.test/weekly')).title, 'Weekly',
  'member: subscribing again is idempotent and keeps the title'
);
select is((select count(*)::int from api.architecture_feed_subscriptions), 1, 'member: one subscription');
select is((select status from api.architecture_feed_subscriptions), 'active', 'member: a new feed is active');
select throws_ok($$ select api.architecture_feed_subscribe('ftp://feeds.example.test/x') $$, 'PT400', null,
  'member: a non-http URL is refused');
select throws_ok($$ select api.architecture_feed_subscribe('javascript:alert(1)') $$, 'PT400', null,
  'member: a javascript: URL is refused');
select throws_ok($$ insert into architecture.feeds (url) values ('https://direct.example.test/') $$, '42501', null,
  'member: cannot write the global feeds table directly');
select throws_ok($$ select architecture.feed_record_fetch_v1(null, '{"kind": "ok"}') $$, '42501', null,
  'member: cannot call the fetcher''s recording function');

select tests.authenticate_as('victor', 'acme');
select is((select count(*)::int from api.architecture_feed_subscriptions), 1, 'viewer: reads the subscriptions');
select throws_ok($$ select api.architecture_feed_subscribe('https://feeds.example.test/other') $$, 'PT403', null,
  'viewer: cannot subscribe');
select throws_ok(
  $$ select api.architecture_feed_unsubscribe((select id from api.architecture_feed_subscriptions)) $$, 'PT403', null,
  'viewer: cannot unsubscribe'
);

select tests.authenticate_as('gary', 'globex');
select is((select count(*)::int from api.architecture_feed_subscriptions), 0, 'other tenant: sees no acme subscription');
select is((select count(*)::int from architecture.feeds), 0, 'other tenant: cannot see feeds it does not subscribe to');
select lives_ok($$ select api.architecture_feed_subscribe('https://feeds.example.test/weekly') $$,
  'other tenant: subscribes to the same URL');
select tests.clear_authentication();
select is((select count(*)::int from architecture.feeds), 1, 'one feed row serves both tenants');

-- The fetcher records an error: subscribers see the count and message.
select id as feed_id from architecture.feeds \gset
set local role sidecar;
select architecture.feed_record_fetch_v1(
  :'feed_id',
  '{"kind": "error", "http_status": 503, "error_code": "http_503", "error": "HTTP 503 Service Unavailable"}'
);
reset role;
select tests.authenticate_as('mia', 'acme');
select results_eq(
  $$ select error_count, last_error_code, last_http_status from api.architecture_feed_subscriptions $$,
  $$ values (1, 'http_503', 503) $$, 'member: sees the error count, code and status of the last fetch'
);
select tests.authenticate_as('gary', 'globex');
select throws_ok(
  format('select api.architecture_feed_unsubscribe(%L)',
    (select s.id from architecture.feed_subscriptions as s
      where s.tenant_id = tests.tenant_id('acme'))),
  'PT404', null, 'other tenant: cannot unsubscribe acme (not found)'
);

select tests.authenticate_as('nina');
select throws_ok($$ select api.architecture_feed_subscribe('https://feeds.example.test/n') $$, 'PT400', null,
  'no tenant selected: cannot subscribe');
select is((select count(*)::int from api.architecture_feed_subscriptions), 0, 'no tenant selected: sees nothing');

select throws_ok($$ select tests.authenticate_as('suzy', 'umbrella') $$, 'PT403', null,
  'suspended tenant: refused before any query');

select tests.as_anon();
select throws_ok($$ select * from api.architecture_feed_subscriptions $$, '42501', null, 'anon: cannot read');
select throws_ok($$ select api.architecture_feed_subscribe('https://feeds.example.test/a') $$, '42501', null,
  'anon: cannot subscribe');

select tests.authenticate_as('mia', 'acme');
select ok(api.architecture_feed_unsubscribe((select id from api.architecture_feed_subscriptions)),
  'member: unsubscribes');
select is((select count(*)::int from api.architecture_feed_subscriptions), 0, 'member: the subscription is gone');

select * from finish();
rollback;
