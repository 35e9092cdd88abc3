-- sql/ops/queues.sql — queue depth and age per queue: select * from ops.queues; Layer: chassis.
create view ops.queues as
select
  s.queue,
  coalesce(sum(s.jobs) filter (where s.status = 'todo'), 0) as waiting,
  coalesce(sum(s.jobs) filter (where s.status = 'doing'), 0) as running,
  coalesce(sum(s.jobs) filter (where s.status = 'failed'), 0) as dead,
  coalesce(sum(s.jobs) filter (where s.status in ('cancelled', 'aborted')), 0) as cancelled,
  coalesce(sum(s.jobs) filter (where s.status = 'succeeded'), 0) as succeeded,
  max(s.oldest_age_seconds)::int as oldest_waiting_seconds
from chassis.queue_stats_v1() as s
group by s.queue;
grant select on ops.queues to operator;
