-- sql/tests/engine/api_personas.test.sql — every engine api object per persona: members of the tenant see its
-- captures, derivations, evidence, usage, budget and events; another tenant, anon, a suspended tenant and a
-- viewer are refused or see nothing; captures are immutable and dedupe per tenant. Layer: engine (tests).
begin;
select plan(34);
select tests.personas();
select engine.register_interpreter('test.plain', '1', '{"type": "object"}', 'deterministic');
select engine.register_interpreter('test.model', '1', '{"type": "object"}', 'llm');

-- Member creates a capture: queued derivation + job stamped with her principal.
select tests.authenticate_as('mia', 'acme');
create temp table made on commit drop as
select api.create_capture('pgtap', 'test.plain', 'Engine captures are immutable and deduplicated.') as r;
grant select on made to public;
select ok((select (r ->> 'job_id') is not null and r ->> 'status' = 'queued' from made), 'member: capture queued');
select is((select count(*)::int from api.captures), 1, 'member: sees the capture');
select is((select status from api.derivations), 'queued', 'member: sees its queued derivation');
select is((select count(*)::int from api.jobs as j
  where j.task = 'derivations__run'), 1, 'member: sees the job');
select is((select count(*)::int from api.engine_events), 1, 'member: sees the queued event');
select is(
  (select api.create_capture('pgtap', 'test.plain', 'Engine captures are immutable and deduplicated.') ->> 'deduplicated'),
  'true', 'member: same content is deduplicated'
);
select is((select count(*)::int from api.captures), 1, 'member: still one capture');
select throws_ok($$ update engine.captures set content = 'changed' $$, '42501', null,
  'member: captures cannot be updated');
select throws_ok($$ delete from engine.captures $$, '42501', null, 'member: captures cannot be deleted');
select throws_ok($$ insert into engine.derivations (tenant_id, capture_id, kind, interpreter_version)
  select tenant_id, id, 'test.plain', '1' from engine.captures $$, '42501', null,
  'member: derivations cannot be written directly');
select throws_ok($$ select engine.derivation_finish_v1((select id from engine.derivations), 'done', '{}', '[]', '{}',
  0, null) $$, 'PT403', 'only the worker may record derivation results', 'member: cannot record results via api');
select throws_ok($$ select engine.budget_reserve_v1(null, 'openai', 'gpt-4o', 10, 10) $$, 'PT403', null,
  'member: cannot reserve budget');
select throws_ok($$ select api.create_capture('pgtap', 'test.nothing', 'x') $$, 'PT400',
  'no interpreter is registered for kind test.nothing', 'member: unknown kind refused');
select throws_ok($$ select api.rederive('test.plain') $$, '42501', null, 'member: cannot start a re-derivation');
select lives_ok($$ select api.correct_derivation((select id from engine.captures), 'test.plain', 'summary',
  '"by hand"') $$, 'member: can correct a field');
select throws_ok($$ select api.correct_derivation((select id from engine.captures), 'test.plain', 'bad path!',
  '1') $$, '23514', null, 'member: malformed field path refused');
select is((select remaining_micro_usd from api.llm_budget), null::bigint, 'member: no budget row before LLM use');

-- Viewer: reads, cannot create or correct.
select tests.authenticate_as('victor', 'acme');
select is((select count(*)::int from api.captures), 1, 'viewer: sees the capture');
select throws_ok($$ select api.create_capture('pgtap', 'test.plain', 'viewer text') $$, '42501', null,
  'viewer: cannot create captures');
select throws_ok($$ select api.correct_derivation((select id from engine.captures), 'test.plain', 'x', '1') $$,
  '42501', null, 'viewer: cannot correct');
select throws_ok($$ select api.cancel_job((select id from api.jobs)) $$, '42501', null,
  'viewer: cannot cancel someone else''s job');

-- Admin: can re-derive and cancel others' jobs.
select tests.authenticate_as('adam', 'acme');
select is((select api.rederive('test.plain') ->> 'queued'), '0', 'admin: nothing missing to re-derive');
select is((select api.cancel_job((select id from api.jobs))), 'cancelled', 'admin: cancels the waiting job');
select throws_ok($$ select api.cancel_job((select id from api.jobs)) $$, 'PT409', null,
  'admin: cancelling twice is a conflict');

-- Stranger (globex owner).
select tests.authenticate_as('gary', 'globex');
select is_empty($$ select * from api.captures $$, 'stranger: no acme captures');
select is_empty($$ select * from api.derivations $$, 'stranger: no acme derivations');
select is_empty($$ select * from api.jobs $$, 'stranger: no acme jobs');
select is_empty($$ select * from api.engine_events $$, 'stranger: no acme events');
select throws_ok(format('select api.cancel_job(%s)', (select (r ->> 'job_id') from made)), 'PT404', null,
  'stranger: acme''s job id is not found');
select throws_ok(format('select api.correct_derivation(%L, %L, %L, %L)', (select r ->> 'capture_id' from made),
  'test.plain', 'summary', '"pwned"'), 'PT404', null, 'stranger: acme''s capture id is not found');
select lives_ok($$ select api.create_capture('pgtap', 'test.plain', 'Engine captures are immutable and deduplicated.') $$,
  'stranger: the same content in globex is a separate capture');

-- Suspended tenant and anon.
select throws_ok($$ select tests.authenticate_as('suzy', 'umbrella') $$, 'PT403', null,
  'suspended: refused at pre_request');
select tests.as_anon();
select throws_ok($$ select * from api.captures $$, '42501', null, 'anon: no access to captures');
select throws_ok($$ select api.create_capture('a', 'test.plain', 'anon text') $$, '42501', null,
  'anon: cannot create captures');

select * from finish();
rollback;
