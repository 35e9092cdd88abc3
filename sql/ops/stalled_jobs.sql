-- sql/ops/stalled_jobs.sql — running jobs whose worker stopped sending heartbeats (or is gone): candidates for
-- recovery. Layer: chassis. select * from ops.stalled_jobs;
create view ops.stalled_jobs as
select
  j.id as job_id,
  j.queue_name::text as queue,
  j.task_name::text as task,
  j.attempts,
  t.slug::text as tenant_slug,
  j.worker_id,
  w.last_heartbeat,
  extract(epoch from now() - w.last_heartbeat)::int as seconds_since_heartbeat
from procrastinate.procrastinate_jobs as j
left join procrastinate.procrastinate_workers as w on j.worker_id = w.id
left join chassis.tenants as t on (j.args #>> '{principal,tenant_id}') = t.id::text
where j.status = 'doing' and (w.id is null or w.last_heartbeat < now() - interval '30 seconds');
grant select on ops.stalled_jobs to operator;
