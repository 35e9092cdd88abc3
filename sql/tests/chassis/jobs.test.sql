-- sql/tests/chassis/jobs.test.sql — chassis.enqueue_job: principal stamped from claims + envelope, allow-listed
-- tasks on their queue, per-tenant dedupe, fairness priorities, tenant-scoped api.jobs and cancel. Layer: chassis (tests).
begin;
select plan(12);
select tests.personas();
select chassis.register_task('things__sync', 'feeds');

create temp table ids (n int, id bigint) on commit drop;
grant select, insert on ids to public;
create function pg_temp.job(n int) returns bigint language sql stable as $$
  select i.id from ids as i
  where i.n = job.n
$$;
create function pg_temp.job_row(n int) returns procrastinate.procrastinate_jobs language sql stable as $$
  select j.* from procrastinate.procrastinate_jobs as j
  where j.id = pg_temp.job(job_row.n)
$$;
select tests.authenticate_as('mia', 'acme');
insert into ids select 1 as n, chassis.enqueue_job('things__sync', '{"a": 1}') as id;
insert into ids select 2 as n, chassis.enqueue_job('things__sync', '{"a": 2}', 'same') as id;
insert into ids select 3 as n, chassis.enqueue_job('things__sync', '{"a": 3}', 'same') as id;
insert into ids select 4 as n, chassis.enqueue_job('things__sync', '{"a": 4}') as id;
select is(pg_temp.job(3), pg_temp.job(2), 'a waiting duplicate returns its id');
select tests.clear_authentication();
select results_eq($$ select (r).queue_name::text, (r).args -> 'principal' ->> 'user_id',
  (r).args -> 'principal' -> 'claims' ->> 'sub' from (select pg_temp.job_row(1) as r) as x $$,
  $$ values ('feeds', tests.user_id('mia')::text, 'mia') $$, 'queue from the allow-list, principal from the claims');
select results_eq($$ select (pg_temp.job_row(n)).priority from unnest(array[1, 2, 4]) as n $$,
  $$ values (0), (-1), (-2) $$, 'each further waiting job of a tenant gets a lower priority');

select tests.authenticate_as('gary', 'globex');
insert into ids select 5 as n, chassis.enqueue_job('things__sync', '{"b": 1}', 'same') as id;
select isnt(pg_temp.job(5), pg_temp.job(2), 'dedupe keys are per tenant');
select tests.clear_authentication();
select is((pg_temp.job_row(5)).priority, 0,
  'another tenant''s first job is not behind acme''s backlog');
create temp table fetched (n serial, id bigint) on commit drop;
with w as (select w.worker_id from procrastinate.procrastinate_register_worker_v1() as w)
insert into fetched (id)
select (procrastinate.procrastinate_fetch_job_v2(array['feeds'::varchar], w.worker_id)).id
from w, generate_series(1, 2);
select results_eq($$ select f.id from fetched as f order by f.n $$,
  format('values (%s::bigint), (%s::bigint)', pg_temp.job(1), pg_temp.job(5)),
  'the worker''s own fetch takes globex''s job second, before acme''s backlog');

select tests.authenticate_as('gary', 'globex');
select is((select count(*)::int from api.jobs), 1, 'globex sees only its job');
select throws_ok(format('select api.cancel_job(%s)', pg_temp.job(1)), 'PT404', null,
  'globex cannot cancel acme''s job');
select tests.authenticate_as('olivia', 'acme');
select is((select count(*)::int from api.jobs), 3, 'acme sees its three jobs');
select is(api.cancel_job(pg_temp.job(4)), 'cancelled', 'an owner cancels a member''s job');
select is((select j.status from api.jobs as j
  where j.id = pg_temp.job(4)), 'cancelled', 'status shows it');
select tests.as_anon();
select throws_ok($$ select chassis.enqueue_job('things__sync', '{}') $$, '42501', null, 'anon cannot enqueue');

select * from finish();
rollback;
