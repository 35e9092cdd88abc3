-- sql/tests/verticals/architecture/decisions_versioning.test.sql — optimistic concurrency on ADRs through the
-- PostgREST request model: If-Match on PATCH, version in the RPC body. Layer: vertical (tests).
begin;
select plan(8);
select tests.personas();

select tests.authenticate_as('mia', 'acme');
select id as adr_id, version as v1 from api.architecture_decision_create('Use Postgres') \gset

-- PATCH /architecture_decisions?id=eq.… with If-Match: PostgREST sets request.method and request.headers.
select tests.authenticate_as('mia', 'acme', headers => jsonb_build_object('if-match', format('"%s"', :v1)),
  method => 'PATCH');
select results_eq(
  format($$ with u as (update api.architecture_decisions set context = 'first edit' where id = %L returning version)
    select version from u $$, :'adr_id'),
  format($$ values (%s) $$, :v1 + 1),
  'PATCH with the current version in If-Match succeeds and bumps the version'
);
select throws_ok(
  format($$ update api.architecture_decisions set context = 'lost update' where id = %L $$, :'adr_id'),
  'PT409', format('stale version: current version is %s', :v1 + 1),
  'PATCH with a stale If-Match is refused with 409'
);
select tests.authenticate_as('mia', 'acme', headers => jsonb_build_object('if-match', format('W/"%s"', :v1 + 1)),
  method => 'PATCH');
select lives_ok(
  format($$ update api.architecture_decisions set context = 'second edit' where id = %L $$, :'adr_id'),
  'a weak If-Match with the current version succeeds'
);
select is((select context from api.architecture_decisions
where id = :'adr_id'), 'second edit',
  'the stale write changed nothing, the fresh ones landed');

-- RPC (POST): the version travels in the body.
select tests.authenticate_as('mia', 'acme', method => 'POST');
select throws_ok(
  format($$ select api.architecture_decision_update(%L, '{"context": "stale"}', version => %s) $$, :'adr_id', :v1),
  'PT409', format('stale version: current version is %s', :v1 + 2),
  'update RPC with a stale version is refused with 409'
);
select is(
  (api.architecture_decision_update(:'adr_id', '{"context": "fresh"}', version => :v1 + 2)).version, :v1 + 3,
  'update RPC with the current version succeeds'
);
select throws_ok(
  format($$ select api.architecture_decision_transition(%L, 'proposed', version => %s) $$, :'adr_id', :v1),
  'PT409', null, 'transition RPC with a stale version is refused with 409'
);

-- The number cannot be changed through PATCH either.
select throws_ok(
  format($$ update api.architecture_decisions set number = 42 where id = %L $$, :'adr_id'),
  '42501', null, 'PATCH cannot renumber a record'
);

select * from finish();
rollback;
