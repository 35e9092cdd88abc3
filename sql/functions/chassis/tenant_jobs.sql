-- sql/functions/chassis/tenant_jobs.sql — the current tenant's jobs (behind api.jobs): the queue tables stay
-- unreachable for API roles. Layer: chassis. `dead` = failed after the last attempt or refused without retry.
create function chassis.tenant_jobs()
returns table (
  id bigint, task text, queue text, status text, attempts int, scheduled_at timestamptz,
  user_id uuid, created_at timestamptz, updated_at timestamptz
)
language sql stable security definer
set search_path = ''
as $$
  select
    j.id,
    j.task_name::text,
    j.queue_name::text,
    case when j.status = 'failed' then 'dead' else j.status::text end,
    j.attempts,
    j.scheduled_at,
    (j.args -> 'principal' ->> 'user_id')::uuid,
    (select min(e.at) from procrastinate.procrastinate_events as e where e.job_id = j.id),
    (select max(e.at) from procrastinate.procrastinate_events as e where e.job_id = j.id)
  from procrastinate.procrastinate_jobs as j
  where (j.args -> 'principal' ->> 'tenant_id') = (select chassis.current_tenant_id())::text;
$$;
grant execute on function chassis.tenant_jobs() to authenticated;
