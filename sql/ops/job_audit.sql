-- sql/ops/job_audit.sql — write the audit row of an operator action on a job (its tenant's chain). Layer: chassis.
-- Not granted: called by ops.retry_job() and ops.cancel_job().
create function ops.job_audit(job_id bigint, old_row jsonb)
returns void
language plpgsql volatile
set search_path = ''
as $$
begin
  perform chassis.audit_append(
    (job_audit.old_row #>> '{args,principal,tenant_id}')::uuid, 'procrastinate.procrastinate_jobs', 'UPDATE',
    job_audit.old_row - 'args',
    (select to_jsonb(j) - 'args' from procrastinate.procrastinate_jobs as j where j.id = job_audit.job_id)
  );
end;
$$;
revoke all on function ops.job_audit(bigint, jsonb) from public;
