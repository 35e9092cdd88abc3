-- sql/functions/chassis/register_task.sql — allow-list a job name on a workload-class queue. Layer: chassis.
-- Idempotent (re-registering moves the task to the given queue). Usage (at load, as app_owner):
--   select chassis.register_task('captures__derive', 'llm');
create function chassis.register_task(task text, queue text)
returns void
language sql volatile
set search_path = ''
as $$
  insert into chassis.job_tasks (task, queue)
  values (register_task.task, register_task.queue)
  on conflict on constraint job_tasks_pkey do update set queue = excluded.queue;
$$;
