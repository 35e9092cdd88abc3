-- sql/functions/chassis/set_plan_limit.sql — limit a counter on a plan (idempotent; seeds and operators).
-- Layer: chassis. period_limit per counter period → PT402; rate_limit per rate_window → 429 + Retry-After.
create function chassis.set_plan_limit(
  plan_id text, counter text, period_limit bigint, rate_limit bigint default null, rate_window interval default null
)
returns void
language sql volatile
set search_path = ''
as $$
  insert into chassis.plan_limits (plan_id, counter, period_limit, rate_limit, rate_window)
  values (
    set_plan_limit.plan_id, set_plan_limit.counter, set_plan_limit.period_limit, set_plan_limit.rate_limit,
    set_plan_limit.rate_window
  )
  on conflict on constraint plan_limits_pkey do update
  set period_limit = excluded.period_limit, rate_limit = excluded.rate_limit, rate_window = excluded.rate_window;
$$;
grant execute on function chassis.set_plan_limit(text, text, bigint, bigint, interval) to operator;
