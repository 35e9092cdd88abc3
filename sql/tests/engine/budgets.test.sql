-- sql/tests/engine/budgets.test.sql — cost math in integer micro-USD from the versioned price table, atomic
-- reserve/settle, stale reservations released, PT402 naming the budget and its reset. Layer: engine (tests).
begin;
select plan(14);
select tests.personas();

select is(engine.cost_micro_usd(engine.price_for('openai', 'gpt-4o-mini'), 1000000, 0, 0, 1000000), 750000::bigint,
  '1M in + 1M out on gpt-4o-mini = $0.75');
select is(engine.cost_micro_usd(engine.price_for('anthropic', 'claude-sonnet-4-5'), 1000, 400, 100, 10), 2145::bigint,
  'cache buckets priced separately: 500 × 3 + 400 × 0.3 + 100 × 3.75 + 10 × 15');
select is(engine.cost_micro_usd(engine.price_for('openai', 'gpt-4o-mini'), 10, 0, 0, 0), 2::bigint,
  'fractions of a micro-USD round up');
select is((engine.price_for('openai-compatible', 'llama3')).input_per_mtok, 0::numeric(12, 6),
  'local endpoints fall back to the provider''s free row');
select is((engine.price_for('mystery', 'model')).output_per_mtok, 30::numeric(12, 6),
  'unknown providers get the conservative default');
insert into engine.prices (provider, model, effective_from, input_per_mtok, cache_read_per_mtok,
  cache_write_per_mtok, output_per_mtok)
values ('openai', 'gpt-4o-mini', now() - interval '1 second', 1, 1, 1, 1);
select is((engine.price_for('openai', 'gpt-4o-mini')).input_per_mtok, 1::numeric(12, 6),
  'the newest effective price wins');

-- Reserve/settle as the worker (via = worker needs session_user sidecar: simulate with the hint).
insert into engine.budgets (tenant_id, limit_micro_usd) values (tests.tenant_id('acme'), 1000);
select set_config('stance.via_hint', 'worker', true);
select tests.authenticate_as('mia', 'acme');
select is(chassis.envelope() ->> 'via', 'worker', 'worker envelope');
create temp table reserved on commit drop as
select engine.budget_reserve_v1(null, 'openai', 'gpt-4o-mini', 600, 0) as r;
select is((select (r ->> 'amount_micro_usd')::bigint from reserved), 600::bigint, 'reservation of 600 micro-USD');
select throws_ok($$ select engine.budget_reserve_v1(null, 'openai', 'gpt-4o-mini', 500, 0) $$, 'PT402',
  format('monthly LLM budget exhausted: 600 of 1000 micro-USD spent or reserved; it resets on %s',
    (date_trunc('month', now()) + interval '1 month')::date),
  'a second reservation over the limit is refused with the reset date');
select lives_ok($$ select engine.budget_settle_v1((select (r ->> 'reservation_id')::uuid from reserved), 250) $$,
  'settle to the actual cost');
select results_eq($$ select spent_micro_usd, reserved_micro_usd from api.llm_budget $$,
  $$ values (250::bigint, 0::bigint) $$, 'spent is the actual, nothing reserved');
select lives_ok($$ select engine.budget_reserve_v1(null, 'openai', 'gpt-4o-mini', 700, 0) $$,
  'room again after settling');

-- A reservation older than the lease (a killed worker) is released on the next budget access.
select tests.clear_authentication();
update engine.budget_reservations set created_at = now() - interval '1 hour';
select set_config('stance.via_hint', 'worker', true);
select tests.authenticate_as('mia', 'acme');
select lives_ok($$ select engine.budget_reserve_v1(null, 'openai', 'gpt-4o-mini', 700, 0) $$,
  'a stale reservation no longer blocks the budget');
select is((select reserved_micro_usd from api.llm_budget), 700::bigint, 'only the live reservation remains');

select * from finish();
rollback;
