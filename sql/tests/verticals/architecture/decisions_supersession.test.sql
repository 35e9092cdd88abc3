-- sql/tests/verticals/architecture/decisions_supersession.test.sql — supersession takes effect only when the
-- superseding record is accepted; several superseders; refused and permanent links. Layer: vertical (tests).
begin;
select plan(17);
select tests.personas();

select tests.authenticate_as('adam', 'acme');
select r ->> 'id' as old_id, r ->> 'ref' as old_ref
from api.architecture_decision_import('{"title": "Use RabbitMQ", "context": "Events between services.",
  "date": "2019-05-01"}',
  status => 'accepted') as r \gset

-- A member drafts a successor: the old record stays accepted while the successor is open.
select tests.authenticate_as('mia', 'acme');
select id as kafka_id, number as kafka_number, ref as kafka_ref
from api.architecture_decision_supersede(:'old_id', 'Use Kafka') \gset
select is((select document ->> 'context' from api.architecture_decisions
where id = :'kafka_id'),
  'Events between services.', 'the successor starts as a copy of the old content');
select is((select decision_date from api.architecture_decisions
where id = :'kafka_id'), current_date,
  'the successor is dated today, not with the old date');
select results_eq(
  format($$ select label, other_decision_id from api.architecture_decision_relations where decision_id = %L $$,
    :'old_id'),
  format($$ values ('superseded_by'::text, %L::uuid) $$, :'kafka_id'),
  'the old record sees the pending supersession as an incoming link'
);
select is((select status from api.architecture_decisions
where id = :'old_id'), 'accepted',
  'a draft successor does not supersede');
select api.architecture_decision_transition(:'kafka_id', 'proposed');
select is((select status from api.architecture_decisions
where id = :'old_id'), 'accepted',
  'a proposed successor does not supersede');
select is((select superseded_by from api.architecture_decisions
where id = :'old_id'), '{}'::int [],
  'superseded_by lists only accepted successors');

-- Acceptance makes it take effect, logged on the old record.
select tests.authenticate_as('adam', 'acme');
select api.architecture_decision_transition(:'kafka_id', 'accepted', 'replay needed');
select is((select status from api.architecture_decisions
where id = :'old_id'), 'superseded',
  'accepting the successor supersedes the old record');
select is(
  (select reason from api.architecture_decision_history
where decision_id = :'old_id'
order by id desc limit 1),
  'superseded by ' || :'kafka_ref', 'the old record''s history says by which record'
);
select is((select superseded_by from api.architecture_decisions
where id = :'old_id'), array[:kafka_number],
  'superseded_by names the successor');

-- A second successor, for part of the decision.
select id as streams_id, number as streams_number
from api.architecture_decision_supersede(:'old_id', 'Use RabbitMQ streams for audit', '{}', 'audit events only') \gset
select api.architecture_decision_transition(:'streams_id', 'proposed');
select api.architecture_decision_transition(:'streams_id', 'accepted');
select is((select superseded_by from api.architecture_decisions
where id = :'old_id'),
  array[:kafka_number, :streams_number], 'several superseders are kept');
select is(
  (select scope_note from api.architecture_decision_relations
where decision_id = :'old_id' and other_decision_id = :'streams_id'),
  'audit events only', 'a partial supersession keeps its scope note');

-- A rejected successor never takes effect.
select r ->> 'id' as cache_id from api.architecture_decision_import('{"title": "Cache in Redis"}', status => 'accepted') as r \gset
select id as memcached_id from api.architecture_decision_supersede(:'cache_id', 'Cache in Memcached') \gset
select api.architecture_decision_transition(:'memcached_id', 'proposed');
select api.architecture_decision_transition(:'memcached_id', 'rejected');
select is((select status from api.architecture_decisions
where id = :'cache_id'), 'accepted',
  'a rejected successor leaves the old record accepted');

-- Refusals.
select throws_ok(format($$ select api.architecture_decision_transition(%L, 'superseded') $$, :'cache_id'),
  'PT422', format('%s can only become superseded when a record that supersedes it is accepted',
    (select ref from api.architecture_decisions
where id = :'cache_id')),
  'superseded cannot be set by hand');
select id as draft_id from api.architecture_decision_create('Still a draft') \gset
select throws_ok(format($$ select api.architecture_decision_supersede(%L, 'Successor of a draft') $$, :'draft_id'),
  'PT422', null, 'only accepted records can be superseded');
select throws_ok(
  format($$ select api.architecture_decision_unlink(%L) $$,
    (select link_id from api.architecture_decision_relations
where decision_id = :'kafka_id' and kind = 'supersedes')),
  'PT422', null, 'a supersession that took effect cannot be unlinked');
select id as pending_id from api.architecture_decision_supersede(:'cache_id', 'Cache at the edge') \gset
select lives_ok(
  format($$ select api.architecture_decision_unlink(%L) $$,
    (select link_id from api.architecture_decision_relations
where decision_id = :'pending_id' and direction = 'outgoing')),
  'a pending supersession can be unlinked');

-- An accepted record that gains a supersedes link supersedes at once.
select r ->> 'id' as logs_id from api.architecture_decision_import('{"title": "Ship logs with Fluentd"}', status => 'accepted') as r \gset
select r ->> 'id' as otel_id from api.architecture_decision_import('{"title": "Use OpenTelemetry"}', status => 'accepted') as r \gset
select api.architecture_decision_link(:'otel_id', 'supersedes', target_id => :'logs_id');
select is((select status from api.architecture_decisions
where id = :'logs_id'), 'superseded',
  'a supersedes link from an accepted record takes effect immediately');

select * from finish();
rollback;
