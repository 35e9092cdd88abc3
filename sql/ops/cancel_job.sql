-- sql/ops/cancel_job.sql — cancel a waiting job, or ask a running one to abort. Layer: chassis.
-- Operators only; reason required; audited in the job's tenant chain. Returns the resulting status.
create function ops.cancel_job(job_id bigint, reason text)
returns text
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_old jsonb;
begin
  perform ops.begin_action('cancel_job', cancel_job.reason);
  select to_jsonb(j) into v_old from procrastinate.procrastinate_jobs as j where j.id = cancel_job.job_id for update;
  if v_old is null then
    raise sqlstate 'PT404' using message = format('no job %s', cancel_job.job_id);
  end if;
  if v_old ->> 'status' not in ('todo', 'doing') then
    raise sqlstate 'PT409' using message = format('job %s is %s: only waiting or running jobs are cancelled',
      cancel_job.job_id, v_old ->> 'status');
  end if;
  perform procrastinate.procrastinate_cancel_job_v1(cancel_job.job_id, true, false);
  perform ops.job_audit(cancel_job.job_id, v_old);
  return (select j.status::text from procrastinate.procrastinate_jobs as j where j.id = cancel_job.job_id)
    || case when v_old ->> 'status' = 'doing' then ' (abort requested)' else '' end;
end;
$$;
grant execute on function ops.cancel_job(bigint, text) to operator;
