-- sql/functions/chassis/cancel_job.sql — cancel a waiting job or ask a running one to abort. Layer: chassis.
-- Only jobs of the current tenant; the member who enqueued it, or a holder of chassis.jobs.cancel. Another
-- tenant's job id answers 404 exactly like a missing one. Returns the job's status afterwards.
create function chassis.cancel_job(job_id bigint)
returns text
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_tenant_id uuid := chassis.require_tenant();
  v_user_id uuid := chassis.require_user();
  v_job procrastinate.procrastinate_jobs;
begin
  select j.* into v_job
  from procrastinate.procrastinate_jobs as j
  where j.id = cancel_job.job_id and (j.args -> 'principal' ->> 'tenant_id') = v_tenant_id::text
  for update;
  if not found then
    raise sqlstate 'PT404' using message = pg_catalog.format('job %s not found', cancel_job.job_id);
  end if;
  if (v_job.args -> 'principal' ->> 'user_id')::uuid is distinct from v_user_id
    and not chassis.can('chassis.jobs.cancel') then
    raise sqlstate '42501' using message = 'only the member who started a job or an admin can cancel it';
  end if;
  if v_job.status not in ('todo', 'doing') then
    raise sqlstate 'PT409' using
      message = pg_catalog.format('job %s is already %s', cancel_job.job_id, v_job.status);
  end if;
  perform procrastinate.procrastinate_cancel_job_v1(cancel_job.job_id, true, false);
  return (select j.status::text from procrastinate.procrastinate_jobs as j where j.id = cancel_job.job_id);
end;
$$;
grant execute on function chassis.cancel_job(bigint) to authenticated;
