-- sql/tests/verticals/architecture/advisor_personas.test.sql — architecture_advise per persona: validation (400
-- naming every unknown, missing or invalid answer), saved assessments with history, tenant isolation.
-- Layer: vertical (tests).
begin;
select plan(14);
select tests.personas();

create function pg_temp.answers(patch jsonb default '{}')
returns jsonb
language sql immutable
as $$
  select '{
    "team_size": 6, "internal_tool": false, "expected_growth": "grow", "bounded_contexts": 3,
    "async_profile": "edges", "llm_produced_data": true, "multi_step_pipelines": true, "agentic_flows": false,
    "streaming_ux": "server_push", "test_fakes": true, "tenancy": "multi_shared", "customer": "b2b",
    "regulatory_audit": false, "device_classes": 1, "independent_deployability": false
  }'::jsonb || patch;
$$;

select tests.authenticate_as('mia', 'acme', method => 'POST');
select is(api.architecture_advise(pg_temp.answers(), 'stance itself') #>> '{flavour,number}', '3',
  'member runs the advisor: flavour 3 for a B2B multi-tenant LLM app');
select is(
  (select array_agg(m ->> 'mechanism' order by m ->> 'mechanism')
   from jsonb_array_elements(api.architecture_advise(pg_temp.answers()) -> 'mechanisms') as m),
  array['access_envelope', 'job_runner', 'jsonb_payloads', 'module_boundaries', 'outbox', 'ports_adapters', 'rbac',
    'rebac', 'rls', 'sse', 'workflow_orchestrator'],
  'the recommendation lists every mechanism, each from a fired rule'
);
select throws_ok(
  $$ select api.architecture_advise(pg_temp.answers('{"team_size": "six", "colour": "blue"}') - 'tenancy') $$,
  'PT400',
  'invalid advisor answers: unknown answer: colour; missing answer: tenancy; invalid answer: team_size must be a whole number',
  'a 400 names each unknown, missing and invalid answer'
);
select throws_ok($$ select api.architecture_advise(pg_temp.answers('{"async_profile": "sometimes"}')) $$, 'PT400',
  'invalid advisor answers: invalid answer: async_profile must be one of none, edges, long_running, workflow_dominant',
  'a 400 lists the allowed choices');
select throws_ok($$ select api.architecture_advise(pg_temp.answers('{"team_size": 0}')) $$, 'PT400',
  'invalid advisor answers: invalid answer: team_size must be between 1 and 100000', 'a 400 gives the range');
select throws_ok($$ select api.architecture_advise(pg_temp.answers('{"agentic_flows": "yes"}')) $$, 'PT400',
  'invalid advisor answers: invalid answer: agentic_flows must be true or false', 'booleans must be booleans');
select throws_ok($$ select api.architecture_advise('[]') $$, 'PT400',
  'invalid advisor answers: answers must be a JSON object', 'answers must be an object');

select results_eq(
  $$ select label, flavour, created_by from api.architecture_assessments order by created_at, label desc $$,
  $$ values ('stance itself'::text, 3, tests.user_id('mia')), ('', 3, tests.user_id('mia')) $$,
  'each successful run is saved as an assessment (who, what), failed runs are not'
);
select ok(
  (select bool_and(result ? 'patterns' and answers ? 'tenancy') from api.architecture_assessments),
  'assessments keep the answers and the full result'
);

select tests.authenticate_as('victor', 'acme', method => 'POST');
select throws_ok($$ select api.architecture_advise(pg_temp.answers()) $$, 'PT403', null, 'viewer cannot run it');
select is((select count(*)::int from api.architecture_assessments), 2, 'viewer reads the tenant''s assessments');

select tests.authenticate_as('gary', 'globex', method => 'POST');
select is((select count(*)::int from api.architecture_assessments), 0, 'stranger sees none of acme''s assessments');
select throws_ok(
  format($$ insert into architecture.advisor_assessments (tenant_id, ruleset, answers, result, flavour)
    values (%L, 'x', '{}', '{}', 3) $$, tests.tenant_id('acme')),
  '42501', null, 'stranger cannot plant an assessment in acme'
);
select tests.as_anon();
select throws_ok($$ select api.architecture_advise(pg_temp.answers()) $$, '42501', null, 'anon cannot run it');

select * from finish();
rollback;
