-- sql/functions/chassis/queue_stats_v1.sql — jobs per queue and status, and how long the oldest due job has waited
-- (todo rows only; null otherwise). Layer: chassis. Feeds the Prometheus queue gauges and ops.queues.
create function chassis.queue_stats_v1()
returns table (queue text, status text, jobs bigint, oldest_age_seconds double precision)
language sql stable security definer
set search_path = ''
as $$
  select
    j.queue_name::text,
    j.status::text,
    count(*),
    max(extract(epoch from now() - coalesce(j.scheduled_at, e.deferred_at)))
      filter (where j.status = 'todo' and coalesce(j.scheduled_at, e.deferred_at) <= now())::double precision
  from procrastinate.procrastinate_jobs as j
  left join lateral (
    select min(ev.at) as deferred_at
    from procrastinate.procrastinate_events as ev
    where ev.job_id = j.id and ev.type = 'deferred'
  ) as e on true
  group by j.queue_name, j.status;
$$;
grant execute on function chassis.queue_stats_v1() to sidecar, operator;
