-- sql/ops/retry_job.sql — put a dead, cancelled or aborted job back in its queue, due now, attempts reset.
-- Layer: chassis. Operators only; reason required; audited in the job's tenant chain.
create function ops.retry_job(job_id bigint, reason text)
returns text
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_old jsonb;
begin
  perform ops.begin_action('retry_job', retry_job.reason);
  select to_jsonb(j) into v_old from procrastinate.procrastinate_jobs as j where j.id = retry_job.job_id for update;
  if v_old is null then
    raise sqlstate 'PT404' using message = format('no job %s', retry_job.job_id);
  end if;
  if v_old ->> 'status' not in ('failed', 'cancelled', 'aborted') then
    raise sqlstate 'PT409' using message = format('job %s is %s: only failed, cancelled or aborted jobs are retried',
      retry_job.job_id, v_old ->> 'status');
  end if;
  update procrastinate.procrastinate_jobs as j
  set status = 'todo', attempts = 0, scheduled_at = now(), worker_id = null, abort_requested = false
  where j.id = retry_job.job_id;
  perform ops.job_audit(retry_job.job_id, v_old);
  return 'todo';
end;
$$;
grant execute on function ops.retry_job(bigint, text) to operator;
