-- sql/schemas/chassis/jobs_tasks.sql — the task allow-list: only registered task names can be enqueued, each on
-- its workload-class queue. Layer: chassis. Rows come from chassis.register_task() at load time.
create table chassis.job_tasks (
  task text primary key check (task ~ '^[a-z][a-z0-9_]*__[a-z][a-z0-9_]*$'),
  queue text not null check (queue in ('llm', 'feeds', 'webhooks', 'email', 'default')),
  registered_at timestamptz not null default now()
);
comment on table chassis.job_tasks is 'Allow-listed job names (<table>__<verb>) and the queue each runs on.';
alter table chassis.job_tasks enable row level security;
alter table chassis.job_tasks force row level security;
grant select on chassis.job_tasks to sidecar, operator;
