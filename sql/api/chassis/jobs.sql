-- sql/api/chassis/jobs.sql — the caller's tenant's jobs and their state (command-then-poll). Layer: chassis.
create view api.jobs with (security_invoker = true) as
select j.id, j.task, j.queue, j.status, j.attempts, j.scheduled_at, j.user_id, j.created_at, j.updated_at
from chassis.tenant_jobs() as j;
grant select on api.jobs to authenticated;
