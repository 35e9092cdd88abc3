-- sql/tests/verticals/architecture/radar_personas.test.sql — the tenant radar per persona: rating, history
-- (who, when, why), isolation between tenants, append-only history. Layer: vertical (tests).
begin;
select plan(19);
select tests.personas();
\ir catalog_fixture.sql
select pg_temp.import_global(array[pg_temp.pattern('monolith', 'Monolith'), pg_temp.pattern('saga', 'Saga')]);
select tests.clear_authentication();

select tests.authenticate_as('mia', 'acme', method => 'POST');
select is(api.architecture_rate_pattern('saga', 'assess', 'we have two cross-service flows') ->> 'ring', 'assess',
  'member places a pattern on the radar');
select tests.authenticate_as('adam', 'acme', method => 'POST');
select is(api.architecture_rate_pattern('saga', 'trial', 'pilot in billing', 'billing only') ->> 'previous_ring',
  'assess', 'admin moves it; the previous ring is returned');
select results_eq(
  $$ select slug, quadrant, ring, previous_ring, note from api.architecture_radar $$,
  $$ values ('saga'::text, 'system'::text, 'trial'::text, 'assess'::text, 'billing only'::text) $$,
  'the radar shows the current ring, the previous one and the note'
);
select is((select ring from api.architecture_patterns
    where slug = 'saga'), 'trial', 'the catalog list carries the ring');
select results_eq(
  $$ select ring, previous_ring, reason, actor_id from api.architecture_radar_history order by id $$,
  $$ values ('assess'::text, null::text, 'we have two cross-service flows'::text, tests.user_id('mia')),
            ('trial', 'assess', 'pilot in billing', tests.user_id('adam')) $$,
  'history records who moved which ring and why, in order'
);
select ok((select bool_and(request_id is not null) from api.architecture_radar_history), 'history keeps request ids');

select throws_ok($$ select api.architecture_rate_pattern('saga', 'adopted', 'typo') $$, 'PT400', 'unknown ring adopted',
  'an unknown ring is a 400');
select throws_ok($$ select api.architecture_rate_pattern('saga', 'hold', '  ') $$, 'PT400', 'a reason is required',
  'a ring change needs a reason');
select throws_ok($$ select api.architecture_rate_pattern('nope', 'hold', 'x') $$, 'PT404', 'pattern nope not found',
  'an unknown pattern is a 404');
select throws_ok($$ update architecture.radar_events set reason = 'rewritten' $$, '42501', null,
  'history cannot be rewritten');
select throws_ok($$ delete from architecture.radar_events $$, '42501', null, 'history cannot be deleted');

select tests.authenticate_as('victor', 'acme', method => 'POST');
select throws_ok($$ select api.architecture_rate_pattern('saga', 'hold', 'no') $$, 'PT403', null,
  'viewer cannot rate');
select is((select count(*)::int from api.architecture_radar), 1, 'viewer reads the radar');

select tests.authenticate_as('gary', 'globex', method => 'POST');
select is((select count(*)::int from api.architecture_radar), 0, 'stranger does not see acme''s radar');
select is((select count(*)::int from api.architecture_radar_history), 0, 'stranger does not see acme''s history');
select is((select ring from api.architecture_patterns
    where slug = 'saga'), null, 'stranger sees no acme ring');
select throws_ok(
  format($$ insert into architecture.radar_events (tenant_id, pattern_id, ring, reason)
    select %L, id, 'hold', 'sabotage' from architecture.patterns where slug = 'saga' $$, tests.tenant_id('acme')),
  '42501', null, 'stranger cannot write into acme''s history'
);
select lives_ok($$ select api.architecture_rate_pattern('saga', 'hold', 'we avoid sagas') $$,
  'stranger rates the same pattern in his own tenant');

select tests.authenticate_as('olivia');
select throws_ok($$ select api.architecture_rate_pattern('saga', 'hold', 'x') $$, 'PT400', 'no tenant selected',
  'rating needs a selected tenant');

select * from finish();
rollback;
