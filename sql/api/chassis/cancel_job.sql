-- sql/api/chassis/cancel_job.sql — RPC /rpc/cancel_job: cancel a waiting job or abort a running one.
-- Layer: chassis. Returns the job's status afterwards (cancelled, or doing with an abort requested).
create function api.cancel_job(id bigint)
returns text
language sql volatile
set search_path = ''
as $$
  select chassis.cancel_job(cancel_job.id);
$$;
grant execute on function api.cancel_job(bigint) to authenticated;
