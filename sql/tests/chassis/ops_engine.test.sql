-- sql/tests/chassis/ops_engine.test.sql — operator console over the engine: LLM spend today vs the trailing
-- average, breaker state, trip/reset and re-derive a kind (operators only, reason required, audited).
-- Layer: chassis (tests).
begin;
select plan(20);
select tests.personas();
select engine.register_interpreter('tests.kind', '1', '{"type": "object"}', 'deterministic');
select tests.authenticate_as('olivia', 'acme');
select engine.create_capture('api', 'tests.kind', 'first capture', '{}');
select engine.create_capture('api', 'tests.kind', 'second capture', '{}');
select tests.clear_authentication();
select engine.register_interpreter('tests.kind', '2', '{"type": "object"}', 'deterministic');

-- LLM spend: 7 days of 1000 micro-USD, then 9000 today.
insert into engine.llm_calls (tenant_id, provider, model, outcome, cost_micro_usd, created_at)
select
  tests.tenant_id('acme') as tenant_id, 'tests' as provider, 'm' as model, 'ok' as outcome, 1000 as cost_micro_usd,
  date_trunc('day', now()) - make_interval(days => d) as created_at
from generate_series(1, 7) as d;
insert into engine.llm_calls (tenant_id, provider, model, outcome, cost_micro_usd)
values (tests.tenant_id('acme'), 'tests', 'm', 'ok', 9000);

select tests.as_operator('olga', 'on call');
select results_eq(
  $$ select llm_spend_today_micro_usd, llm_spend_trailing_daily_avg_micro_usd from ops.tenants where slug = 'acme' $$,
  $$ values (9000::bigint, 1000::bigint) $$,
  'ops.tenants: LLM spend today against the trailing daily average'
);

-- Refusals.
select tests.clear_authentication();
select tests.authenticate_as('olivia', 'acme');
select throws_ok($$ select ops.trip_breaker('acme', 'x') $$, '42501', null, 'owner: cannot trip the breaker');
select throws_ok($$ select ops.reset_breaker('acme', 'x') $$, '42501', null, 'owner: cannot reset the breaker');
select throws_ok($$ select ops.rederive_kind('acme', 'tests.kind', 'x') $$, '42501', null, 'owner: cannot rederive via ops');
select tests.as_operator('olga', 'on call');
select throws_ok($$ select ops.trip_breaker('acme', '') $$, 'PT400', 'trip_breaker needs a reason', 'trip needs a reason');
select throws_ok($$ select ops.reset_breaker('acme', null) $$, 'PT400', 'reset_breaker needs a reason',
  'reset needs a reason');
select throws_ok($$ select ops.rederive_kind('acme', 'tests.kind', ' ') $$, 'PT400', 'rederive_kind needs a reason',
  'rederive needs a reason');

-- Trip and reset, audited.
select is(ops.trip_breaker('acme', 'runaway agent'), 'open', 'operator: trips acme''s breaker');
select results_eq(
  $$ select breaker_open, breaker_reason, trips from ops.breakers where tenant_slug = 'acme' $$,
  $$ values (true, 'operator: runaway agent', 1::bigint) $$,
  'ops.breakers: open, with the operator''s reason'
);
select results_eq(
  $$ select table_name, operator, reason from ops.audit where tenant_slug = 'acme' order by id desc limit 1 $$,
  $$ values ('engine.budgets', 'olga', 'trip_breaker: runaway agent') $$,
  'the trip is audited with operator and reason'
);
select is(ops.trip_breaker('acme', 'again'), 'already open', 'tripping an open breaker changes nothing');
select is(ops.reset_breaker('acme', 'agent fixed'), 'closed', 'operator: resets the breaker');
select is((select breaker_open from ops.breakers
where tenant_slug = 'acme'), false, 'the breaker is closed');
select is(
  (select reason from ops.audit
where tenant_slug = 'acme' and table_name = 'engine.budgets'
order by id desc limit 1),
  'reset_breaker: agent fixed', 'the reset is audited with its reason'
);
select throws_ok($$ select ops.reset_breaker('acme', 'twice') $$, 'PT404', null, 'a closed breaker cannot be reset');

-- Re-derive a kind with its newest interpreter version.
select results_eq(
  $$ select (r ->> 'version'), (r ->> 'queued')::int, (r ->> 'remaining')::int
     from ops.rederive_kind('acme', 'tests.kind', 'prompt v2', 1) as r $$,
  $$ values ('2', 1, 1) $$,
  'operator: re-derives one capture (throttled), one remains'
);
select results_eq(
  $$ select (r ->> 'queued')::int, (r ->> 'remaining')::int from ops.rederive_kind('acme', 'tests.kind', 'resume') as r $$,
  $$ values (1, 0) $$,
  'calling again resumes'
);
select results_eq(
  $$ select table_name, operator, reason, new_row ->> 'queued' from ops.audit
     where tenant_slug = 'acme' and table_name = 'engine.derivations' order by id desc limit 1 $$,
  $$ values ('engine.derivations', 'olga', 'rederive_kind: resume', '1') $$,
  'the re-derivation is audited as the operator''s action'
);
select is(chassis.envelope() ->> 'via', 'operator', 'the operator envelope is restored afterwards');
select is((select count(*)::int from ops.audit_chain
where not intact), 0, 'the chains still verify');

select * from finish();
rollback;
