-- sql/ops/failed_jobs.sql — dead jobs (failed for good) and jobs waiting to retry, with their last error.
-- Layer: chassis. select * from ops.failed_jobs where state = 'dead';
create view ops.failed_jobs as
select
  j.id as job_id,
  j.queue_name::text as queue,
  j.task_name::text as task,
  case when j.status = 'failed' then 'dead' else 'retrying' end as state,
  j.attempts,
  t.slug::text as tenant_slug,
  e.error as last_error,
  e.at as failed_at,
  j.args - 'principal' as args
from procrastinate.procrastinate_jobs as j
left join chassis.tenants as t on (j.args #>> '{principal,tenant_id}') = t.id::text
left join lateral (
  select x.error, x.at
  from chassis.job_errors as x
  where x.job_id = j.id
  order by x.id desc
  limit 1
) as e on true
where j.status = 'failed' or (j.status = 'todo' and j.attempts > 0);
grant select on ops.failed_jobs to operator;
