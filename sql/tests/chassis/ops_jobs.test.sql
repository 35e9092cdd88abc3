-- sql/tests/chassis/ops_jobs.test.sql — the operator console over jobs: queue depth and age, dead jobs with their
-- errors, stalled jobs; retry and cancel refuse non-operators, need a reason and are audited. Layer: chassis (tests).
begin;
select plan(21);
select tests.personas();
select chassis.register_task('tests_things__run', 'default');

select tests.authenticate_as('olivia', 'acme');
select chassis.enqueue_job('tests_things__run', '{"n": 1}') as dead_job \gset
select chassis.enqueue_job('tests_things__run', '{"n": 2}') as stalled_job \gset
select chassis.enqueue_job('tests_things__run', '{"n": 3}') as waiting_job \gset
select tests.clear_authentication();

-- Job 1 failed for good with an error the worker recorded; job 2 runs on a worker that stopped beating.
update procrastinate.procrastinate_jobs set status = 'failed', attempts = 5
where id = :dead_job;
set local role sidecar;
select chassis.record_job_error_v1(:dead_job, 'tests_things__run', 5, 'ValueError: boom');
reset role;
insert into procrastinate.procrastinate_workers (last_heartbeat) values (now() - interval '5 minutes');
update procrastinate.procrastinate_jobs
set status = 'doing', worker_id = (select max(id) from procrastinate.procrastinate_workers)
where id = :stalled_job;

select tests.as_operator('olga', 'on call');
select results_eq(
  $$ select waiting, running, dead from ops.queues where queue = 'default' $$,
  $$ values (1::numeric, 1::numeric, 1::numeric) $$,
  'ops.queues: depth per state'
);
select ok((select oldest_waiting_seconds >= 0 from ops.queues
where queue = 'default'), 'ops.queues: age of the oldest');
select results_eq(
  format('select state, tenant_slug, last_error from ops.failed_jobs where job_id = %s', :dead_job),
  $$ values ('dead', 'acme', 'ValueError: boom') $$,
  'ops.failed_jobs: the dead job with its tenant and last error'
);
select results_eq(
  $$ select job_id, tenant_slug from ops.stalled_jobs $$,
  format('values (%s::bigint, ''acme'')', :stalled_job),
  'ops.stalled_jobs: the job whose worker went quiet'
);

-- Refusals.
select tests.clear_authentication();
select tests.authenticate_as('olivia', 'acme');
select throws_ok(format('select ops.retry_job(%s, ''x'')', :dead_job), '42501', null, 'owner: cannot retry a job');
select throws_ok(format('select ops.cancel_job(%s, ''x'')', :waiting_job), '42501', null, 'owner: cannot cancel');
select tests.clear_authentication();
set local role sidecar;
select throws_ok(format('select ops.retry_job(%s, ''x'')', :dead_job), '42501', null, 'sidecar: cannot retry');
reset role;
select tests.as_operator('olga', 'on call');
select throws_ok(format('select ops.retry_job(%s, '' '')', :dead_job), 'PT400', 'retry_job needs a reason',
  'retry without a reason');
select throws_ok(format('select ops.cancel_job(%s, null)', :waiting_job), 'PT400', 'cancel_job needs a reason',
  'cancel without a reason');
select throws_ok('select ops.retry_job(-1, ''x'')', 'PT404', 'no job -1', 'unknown job');
select throws_ok(format('select ops.retry_job(%s, ''x'')', :waiting_job), 'PT409', null, 'a waiting job is not retried');

-- Retry and cancel, audited.
select is(ops.retry_job(:dead_job, 'bug fixed in 1.2'), 'todo', 'operator: retries the dead job');
reset role;
select results_eq(
  format('select status::text, attempts from procrastinate.procrastinate_jobs where id = %s', :dead_job),
  $$ values ('todo', 0) $$,
  'the job waits again with its attempts reset'
);
set local role operator;
select results_eq(
  $$ select tenant_slug, table_name, operator, reason, old_row ->> 'status', new_row ->> 'status'
     from ops.audit where table_name = 'procrastinate.procrastinate_jobs' order by id desc limit 1 $$,
  $$ values ('acme', 'procrastinate.procrastinate_jobs', 'olga', 'retry_job: bug fixed in 1.2', 'failed', 'todo') $$,
  'the retry is in acme''s audit chain with operator and reason'
);
select is(ops.cancel_job(:waiting_job, 'duplicate'), 'cancelled', 'operator: cancels a waiting job');
select is(
  (select reason from ops.audit
where table_name = 'procrastinate.procrastinate_jobs'
order by id desc limit 1),
  'cancel_job: duplicate', 'the cancellation is audited with its reason'
);
select is(ops.cancel_job(:stalled_job, 'stuck'), 'doing (abort requested)', 'a running job is asked to abort');
reset role;
select is(
  (select abort_requested from procrastinate.procrastinate_jobs
where id = :stalled_job), true,
  'abort requested on the running job'
);
set local role operator;
select is(ops.retry_job(:waiting_job, 'not a duplicate after all'), 'todo', 'a cancelled job can be retried');
select is(
  (select count(*)::int from ops.audit
where table_name = 'procrastinate.procrastinate_jobs'), 4,
  'four audited job actions'
);
select is((select count(*)::int from ops.audit_chain
where not intact), 0, 'the chains still verify');

select * from finish();
rollback;
