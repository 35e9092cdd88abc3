-- sql/tests/verticals/architecture/decisions_lint.test.sql — the ADR integrity lint view finds each problem, only in
-- the caller's tenant. Layer: vertical (tests).
begin;
select plan(8);
select tests.personas();
select tests.authenticate_as('adam', 'acme');

-- A superseded record no accepted record supersedes (imported that way).
select r ->> 'id' as dangling_id from api.architecture_decision_import('{"title": "Orphaned"}',
  status => 'superseded') as r \gset
-- Two accepted records that conflict.
select r ->> 'id' as a_id from api.architecture_decision_import('{"title": "Sync calls"}', status => 'accepted') as r \gset
select r ->> 'id' as b_id from api.architecture_decision_import('{"title": "Async only"}', status => 'accepted') as r \gset
select api.architecture_decision_link(:'a_id', 'conflicts_with', target_id => :'b_id');
-- Four amendments of one accepted record.
select r ->> 'id' as amended_id from api.architecture_decision_import('{"title": "Amended a lot"}',
  status => 'accepted') as r \gset
select api.architecture_decision_link(
  (api.architecture_decision_import(jsonb_build_object('title', 'Amendment ' || i), status => 'accepted') ->> 'id')::uuid,
  'amends', target_id => :'amended_id'
) from generate_series(1, 4) as i;
-- A proposal waiting for 40 days, and a decision last updated in 2020.
select r ->> 'id' as waiting_id from api.architecture_decision_import('{"title": "Waiting"}', status => 'proposed') as r \gset
select api.architecture_decision_import('{"title": "Old", "date": "2020-01-01"}', status => 'accepted');
select tests.clear_authentication();
update architecture.decisions set proposed_at = now() - interval '40 days'
where id = :'waiting_id';

select tests.authenticate_as('victor', 'acme');
select set_eq(
  $$ select title, problem from api.architecture_decision_lint $$,
  $$ values ('Orphaned', 'dangling_supersession'), ('Sync calls', 'conflicting_accepted'),
    ('Amended a lot', 'many_amendments'), ('Waiting', 'stale_proposal'), ('Old', 'outdated') $$,
  'viewer: every kind of problem is found once'
);
select is((select message from api.architecture_decision_lint
where problem = 'many_amendments'),
  '4 amendments: consider superseding it', 'the amendment count is named');
select is((select related_decision_id from api.architecture_decision_lint
where problem = 'conflicting_accepted'),
  :'b_id'::uuid, 'a conflict names the other record');
select is((select message from api.architecture_decision_lint
where problem = 'stale_proposal'),
  'proposed 40 days ago and not decided', 'a stale proposal says how old it is');

-- Importing the missing superseder link clears the dangling supersession.
select tests.authenticate_as('adam', 'acme');
select api.architecture_decision_import_links(:'a_id', format('[{"kind": "supersedes", "target_number": %s}]',
  (select number from api.architecture_decisions
where id = :'dangling_id'))::jsonb);
select is_empty($$ select 1 from api.architecture_decision_lint where problem = 'dangling_supersession' $$,
  'a superseded record with an accepted superseder is fine');

select tests.authenticate_as('gary', 'globex');
select is_empty($$ select 1 from api.architecture_decision_lint $$, 'stranger: sees no acme problems');
select tests.as_anon();
select throws_ok($$ select 1 from api.architecture_decision_lint $$, '42501', null, 'anon: cannot read the lint');
select throws_ok($$ select 1 from api.architecture_decision_radar $$, '42501', null, 'anon: cannot read the decision radar');

select * from finish();
rollback;
