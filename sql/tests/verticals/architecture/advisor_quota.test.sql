-- sql/tests/verticals/architecture/advisor_quota.test.sql — advisor runs are metered: counted per tenant in
-- api.usage, PT402 past the plan's limit with the chassis wording, the refused run not saved, other tenants
-- unaffected, invalid answers not counted. Layer: vertical (tests).
begin;
select plan(7);
select tests.personas();
select chassis.register_plan('free', 'Free', true);
select chassis.set_plan_limit('free', 'architecture.advisor.runs', 2);

create function pg_temp.answers()
returns jsonb
language sql immutable
as $$
  select '{
    "team_size": 6, "internal_tool": false, "expected_growth": "grow", "bounded_contexts": 3,
    "async_profile": "edges", "llm_produced_data": true, "multi_step_pipelines": true, "agentic_flows": false,
    "streaming_ux": "server_push", "test_fakes": true, "tenancy": "multi_shared", "customer": "b2b",
    "regulatory_audit": false, "device_classes": 1, "independent_deployability": false
  }'::jsonb;
$$;

select tests.authenticate_as('mia', 'acme', method => 'POST');
select throws_ok($$ select api.architecture_advise('{"team_size": 0}') $$, 'PT400', null, 'invalid answers refused');
select lives_ok($$ select api.architecture_advise(pg_temp.answers(), 'one') $$, 'first run within the limit');
select lives_ok($$ select api.architecture_advise(pg_temp.answers(), 'two') $$, 'second run within the limit');
select is((
  select used from api.usage
  where counter = 'architecture.advisor.runs'
), 2::bigint,
  'api.usage counts valid runs only');
select throws_like($$ select api.architecture_advise(pg_temp.answers(), 'three') $$,
  'plan limit reached for architecture.advisor.runs: 2 per day on plan free; used 2; resets at %',
  'the third run is refused with PT402 naming counter, limit, plan, usage and reset');
select is((
  select count(*)::int from api.architecture_assessments
  where label = 'three'
), 0,
  'the refused run is not saved');

select tests.authenticate_as('gary', 'globex', method => 'POST');
select lives_ok($$ select api.architecture_advise(pg_temp.answers(), 'globex') $$, 'another tenant has its own count');

select * from finish();
rollback;
