-- sql/functions/chassis/record_job_error_v1.sql — the worker records why a job run failed. Layer: chassis.
create function chassis.record_job_error_v1(job_id bigint, task text, attempt int, error text)
returns void
language sql volatile security definer
set search_path = ''
as $$
  insert into chassis.job_errors (job_id, task, attempt, error)
  values (
    record_job_error_v1.job_id, record_job_error_v1.task, greatest(record_job_error_v1.attempt, 1),
    left(coalesce(record_job_error_v1.error, 'unknown error'), 4000)
  );
$$;
grant execute on function chassis.record_job_error_v1(bigint, text, int, text) to sidecar;
