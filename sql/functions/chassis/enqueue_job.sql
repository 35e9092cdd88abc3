-- sql/functions/chassis/enqueue_job.sql — the only way to create a job: inside the business transaction, stamped
-- with the caller's principal. Layer: chassis.
-- The principal comes from request.jwt.claims and the envelope pre_request() set — never from arguments — and
-- must agree; no claims, no envelope user or no tenant → refused. The task must be allow-listed
-- (chassis.register_task). dedupe_key collapses waiting duplicates per tenant and task (the waiting job's id is
-- returned). Fairness: a job's priority is minus the number of jobs its tenant already has waiting on that queue,
-- so one tenant's backlog cannot starve the others' next job.
create function chassis.enqueue_job(
  task text, args jsonb, dedupe_key text default null, run_at timestamptz default null
)
returns bigint
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_claims jsonb := nullif(pg_catalog.current_setting('request.jwt.claims', true), '')::jsonb;
  v_user_id uuid := chassis.current_user_id();
  v_tenant_id uuid := chassis.current_tenant_id();
  v_queue text;
  v_lock text;
  v_waiting int;
  v_principal jsonb;
  v_id bigint;
begin
  if v_claims is null or nullif(v_claims ->> 'sub', '') is null then
    raise sqlstate 'PT401' using
      message = 'cannot enqueue a job without an authenticated principal',
      hint = 'enqueue from a request transaction (request.jwt.claims set and chassis.pre_request() run)';
  end if;
  if v_user_id is null or not exists (
    select 1 from chassis.users as u
    where u.id = v_user_id and u.issuer = v_claims ->> 'iss' and u.subject = v_claims ->> 'sub'
  ) then
    raise sqlstate 'PT401' using
      message = 'cannot enqueue a job: the claims do not match the request envelope',
      hint = 'run chassis.pre_request() after setting request.jwt.claims';
  end if;
  if v_tenant_id is null then
    raise sqlstate 'PT400' using message = 'cannot enqueue a job: no tenant selected';
  end if;
  if enqueue_job.args is null or pg_catalog.jsonb_typeof(enqueue_job.args) <> 'object' then
    raise sqlstate 'PT400' using message = 'job args must be a JSON object';
  end if;

  select t.queue into v_queue from chassis.job_tasks as t where t.task = enqueue_job.task;
  if not found then
    raise sqlstate '42501' using message = pg_catalog.format('task %s is not registered', enqueue_job.task);
  end if;

  v_principal := pg_catalog.jsonb_build_object(
    'tenant_id', v_tenant_id,
    'user_id', v_user_id,
    'role', coalesce(v_claims ->> 'role', 'authenticated'),
    'claims', v_claims || pg_catalog.jsonb_build_object('tenant_id', v_tenant_id),
    'request_id', nullif(pg_catalog.current_setting('stance.request_id', true), '')
  );
  if enqueue_job.dedupe_key is not null then
    v_lock := pg_catalog.concat_ws(':', v_tenant_id, enqueue_job.task, enqueue_job.dedupe_key);
  end if;

  select count(*) into v_waiting
  from procrastinate.procrastinate_jobs as j
  where (j.args -> 'principal' ->> 'tenant_id') = v_tenant_id::text
    and j.status = 'todo'
    and j.queue_name = v_queue;

  begin
    v_id := (procrastinate.procrastinate_defer_jobs_v1(array[row(
      v_queue, enqueue_job.task, -least(v_waiting, 1000000), null, v_lock,
      (enqueue_job.args - 'principal') || pg_catalog.jsonb_build_object('principal', v_principal),
      enqueue_job.run_at
    )::procrastinate.procrastinate_job_to_defer_v1]))[1];
  exception when unique_violation then
    select j.id into v_id
    from procrastinate.procrastinate_jobs as j
    where j.queueing_lock = v_lock and j.status = 'todo';
  end;
  return v_id;
end;
$$;
grant execute on function chassis.enqueue_job(text, jsonb, text, timestamptz) to authenticated, sidecar;
