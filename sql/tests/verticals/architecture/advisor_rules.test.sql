-- sql/tests/verticals/architecture/advisor_rules.test.sql — the advisor rule table: one case per rule of the decision
-- guide (and the tenancy and team-size rules) over a baseline where only the default fires. Layer: vertical (tests).
begin;
select plan(34);
select tests.personas();
\ir catalog_fixture.sql
select pg_temp.import_global(array[
  pg_temp.pattern('cqrs-event-sourcing', 'CQRS / Event Sourcing', complexity => 4),
  pg_temp.pattern('modular-monolith', 'Modular Monolith'),
  pg_temp.pattern('monolith', 'Monolith', complexity => 1),
  pg_temp.pattern('microservices', 'Microservices', complexity => 4)
]);
select tests.clear_authentication();
select tests.authenticate_as('mia', 'acme');

create function pg_temp.advise(patch jsonb default '{}')
returns jsonb
language sql stable
as $$
  select architecture.advisor_evaluate('{
    "team_size": 5, "internal_tool": false, "expected_growth": "grow", "bounded_contexts": 1,
    "async_profile": "none", "llm_produced_data": false, "multi_step_pipelines": false, "agentic_flows": false,
    "streaming_ux": "none", "test_fakes": false, "tenancy": "single", "customer": "internal",
    "regulatory_audit": false, "device_classes": 1, "independent_deployability": false
  }'::jsonb || patch);
$$;
-- fired rule ids, mechanism names and the flavour as plain values
create function pg_temp.fired(result jsonb) returns text [] language sql immutable as $$
  select array(select f ->> 'rule' from jsonb_array_elements(result -> 'fired') as f) $$;
create function pg_temp.mechanism_rule(result jsonb, mechanism text) returns text language sql immutable as $$
  select m ->> 'rule' from jsonb_array_elements(result -> 'mechanisms') as m where m ->> 'mechanism' = mechanism $$;

select is(pg_temp.fired(pg_temp.advise()), array['guide-default-foundation', 'team-size-medium'],
  'baseline: only the default and the team-size heuristic fire');
select is(pg_temp.advise() #>> '{flavour,number}', '3', 'baseline: flavour 3 (the default foundation)');
-- Step 1
select is(pg_temp.advise('{"internal_tool": true}') -> 'flavour' ->> 'number', '0', 'step 1: internal tool → flavour 0');
select is(pg_temp.advise('{"internal_tool": true, "tenancy": "multi_shared"}') -> 'fired',
  (select jsonb_build_array(jsonb_build_object('rule', id, 'source', source, 'reason', reason,
    'because', '{"internal_tool": true}'::jsonb))
   from architecture.advisor_rules
    where id = 'guide-01-internal-tool'),
  'step 1: "stop reading" — nothing after it fires');
select is(pg_temp.advise('{"team_size": 60, "independent_deployability": true}') #> '{mechanisms,0,because}',
  '{"team_size": 60, "independent_deployability": true}'::jsonb, 'each mechanism shows the answers that drove it');
-- Step 2
select is(pg_temp.advise('{"team_size": 2, "expected_growth": "stay_small"}') #>> '{flavour,number}', '2',
  'step 2: a small CRUD app that stays small → flavour 2');
select is(pg_temp.advise('{"team_size": 2, "expected_growth": "stay_small"}') ->> 'stopped_at', 'guide-02-small-crud',
  'step 2: stops there');
select is(pg_temp.advise('{"team_size": 2, "expected_growth": "grow"}') #>> '{flavour,rule}',
  'guide-default-foundation',
  'step 2 needs both conditions: a small team that grows gets the default');
-- Step 3
select is(pg_temp.advise('{"bounded_contexts": 3}') #>> '{flavour,rule}', 'guide-03-bounded-contexts',
  'step 3: several bounded contexts → flavour 3 as the foundation');
-- Step 4
select is(pg_temp.mechanism_rule(pg_temp.advise('{"async_profile": "edges"}'), 'outbox'), 'guide-04-async-edges',
  'step 4: async edges → outbox');
select is(pg_temp.mechanism_rule(pg_temp.advise('{"async_profile": "edges"}'), 'job_runner'), 'guide-04-async-edges',
  'step 4: async edges → job runner');
-- Step 5
select is(pg_temp.mechanism_rule(pg_temp.advise('{"llm_produced_data": true}'), 'jsonb_payloads'),
  'guide-05-llm-producer', 'step 5: LLM producer → JSONB payloads with boundary types');
-- Step 6
select is(pg_temp.mechanism_rule(pg_temp.advise('{"async_profile": "long_running"}'), 'worker_discipline'),
  'guide-06-long-running', 'step 6: long-running work → the same job runner with worker discipline');
-- Step 7
select is(pg_temp.mechanism_rule(pg_temp.advise('{"multi_step_pipelines": true}'), 'workflow_orchestrator'),
  'guide-07-multi-step-pipelines', 'step 7: multi-step pipelines → workflow orchestrator');
-- Step 8
select is(pg_temp.mechanism_rule(pg_temp.advise('{"agentic_flows": true}'), 'principal_leakage_tests'),
  'guide-08-agentic-flows', 'step 8: agentic flows → orchestrator, cost limits, principal-leakage tests');
-- Step 9
select is(pg_temp.mechanism_rule(pg_temp.advise('{"streaming_ux": "server_push"}'), 'sse'), 'guide-09-streaming',
  'step 9: streaming UX → SSE');
select is(pg_temp.mechanism_rule(pg_temp.advise('{"streaming_ux": "server_push"}'), 'websockets'), null,
  'step 9: no WebSockets unless bidirectional');
select is(pg_temp.mechanism_rule(pg_temp.advise('{"streaming_ux": "bidirectional"}'), 'websockets'),
  'guide-09-bidirectional', 'step 9: bidirectional realtime → WebSockets');
-- Step 10
select is(pg_temp.advise('{"async_profile": "workflow_dominant"}') #>> '{flavour,number}', '5',
  'step 10: workflow-shaped application → flavour 5');
-- Step 11
select is(pg_temp.mechanism_rule(pg_temp.advise('{"test_fakes": true}'), 'ports_adapters'), 'guide-11-ports-adapters',
  'step 11: fakes for slow I/O → ports and adapters for those ports');
-- Step 12
select is(pg_temp.mechanism_rule(pg_temp.advise('{"regulatory_audit": true}'), 'event_sourced_context'),
  'guide-12-regulatory-temporal', 'step 12: regulatory/temporal → an event-sourced context');
select is(
  (select p -> 'why' -> 0 ->> 'rule'
    from jsonb_array_elements(pg_temp.advise('{"regulatory_audit": true}') -> 'patterns')
    as p
    where p ->> 'slug' = 'cqrs-event-sourcing'),
  'guide-12-regulatory-temporal', 'step 12: CQRS / Event Sourcing is recommended with the rule as its why');
-- Step 13
select is(pg_temp.mechanism_rule(pg_temp.advise('{"team_size": 60, "independent_deployability": true}'),
  'independently_deployed_contexts'), 'guide-13-independent-deploys',
  'step 13: 50+ engineers with independent deploys → flavour 6 for those contexts');
select is(pg_temp.mechanism_rule(pg_temp.advise('{"team_size": 20, "independent_deployability": true}'),
  'independently_deployed_contexts'), null, 'step 13 needs 50+ engineers');
-- Step 14
select is(pg_temp.advise('{"device_classes": 3}') #>> '{flavour,rule}', 'guide-14-device-classes',
  'step 14: several device classes → flavour 5');
select is(pg_temp.advise('{"device_classes": 3, "async_profile": "workflow_dominant"}') #>> '{flavour,rule}',
  'guide-10-workflow-shaped', 'precedence: the workflow-shaped rule outranks the device rule');
-- Tenancy
select is(pg_temp.mechanism_rule(pg_temp.advise('{"tenancy": "multi_shared"}'), 'rls') || ' '
  || pg_temp.mechanism_rule(pg_temp.advise('{"tenancy": "multi_shared"}'), 'access_envelope') || ' '
  || pg_temp.mechanism_rule(pg_temp.advise('{"tenancy": "multi_shared"}'), 'rbac'),
  'tenancy-layered-defence tenancy-layered-defence tenancy-layered-defence',
  'multi-tenant → RLS + access envelope + RBAC, all three');
select is(pg_temp.mechanism_rule(pg_temp.advise('{"tenancy": "multi_shared", "customer": "b2b"}'), 'rebac'),
  'tenancy-b2b-rebac', 'multi-tenant B2B → ReBAC');
select is(pg_temp.mechanism_rule(pg_temp.advise('{"tenancy": "single", "customer": "b2b"}'), 'rebac'), null,
  'single-tenant B2B → no ReBAC rule');
select is(pg_temp.mechanism_rule(pg_temp.advise('{"tenancy": "multi_isolated"}'), 'schema_per_tenant'),
  'tenancy-isolated', 'strict isolation → schema-per-tenant as an extra layer');
-- Team size heuristic
select is(pg_temp.fired(pg_temp.advise('{"team_size": 3}')), array['guide-default-foundation', 'team-size-small'],
  '1–3 engineers → the small-team heuristic fires instead of the medium one');
select is(pg_temp.advise('{"team_size": 3}') #>> '{patterns,0,slug}', 'monolith', '1–3 engineers → monolith first');
select ok(pg_temp.fired(pg_temp.advise('{"team_size": 25}')) @> array['team-size-large'],
  '10+ engineers → the large-team heuristic');
select is(pg_temp.advise('{"team_size": 25, "bounded_contexts": 4}') #>> '{patterns,0,slug}', 'modular-monolith',
  '25 engineers, 4 contexts → modular monolith ranks first');

select * from finish();
rollback;
