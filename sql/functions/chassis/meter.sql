-- sql/functions/chassis/meter.sql — count usage of a registered counter for the request's tenant, or refuse.
-- Layer: chassis. Call inside the metered action's transaction: a refusal aborts it, count included.
-- Plan limit for the period exhausted → PT402. Rate limit for the window exhausted → 429 raised as SQLSTATE PGRST
-- (body code PT429, header Retry-After: PostgREST and the sidecar send both). Messages name the limit, the usage
-- and the reset time. Returns the usage of the period after this call.
create function chassis.meter(counter text, amount bigint default 1)
returns bigint
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_tenant_id uuid := chassis.current_tenant_id();
  v_counter chassis.counters;
  v_limit chassis.plan_limits;
  v_plan_id text;
  v_window_start timestamptz;
  v_retry_after int;
  v_used bigint;
  v_period_end timestamptz;
begin
  if v_tenant_id is null then
    raise sqlstate 'PT401' using message = 'metering needs a tenant: no tenant in the request envelope';
  end if;
  if meter.amount is null or meter.amount < 1 then
    raise sqlstate 'PT400' using message = format('meter amount must be positive, got %s', meter.amount);
  end if;
  select c.* into v_counter from chassis.counters as c where c.counter = meter.counter;
  if not found then
    raise sqlstate 'PT400' using message = format('unknown counter %s', meter.counter),
      hint = 'register it with chassis.register_counter()';
  end if;
  v_plan_id := chassis.tenant_plan_id(v_tenant_id);
  select l.* into v_limit from chassis.plan_limits as l where l.plan_id = v_plan_id and l.counter = meter.counter;

  if v_limit.rate_limit is not null then
    v_window_start := pg_catalog.to_timestamp(
      pg_catalog.floor(extract(epoch from now()) / extract(epoch from v_limit.rate_window))
      * extract(epoch from v_limit.rate_window)
    );
    insert into chassis.usage_rates as r (tenant_id, counter, window_start, used)
    values (v_tenant_id, meter.counter, v_window_start, meter.amount)
    on conflict on constraint usage_rates_pkey do update
    set used = case when r.window_start = excluded.window_start then r.used + excluded.used else excluded.used end,
      window_start = excluded.window_start
    returning r.used into v_used;
    if v_used > v_limit.rate_limit then
      v_retry_after := greatest(1, ceil(extract(epoch from v_window_start + v_limit.rate_window - now())))::int;
      raise sqlstate 'PGRST' using
        message = pg_catalog.jsonb_build_object(
          'code', 'PT429',
          'message', format(
            'rate limit reached for %s: %s per %s on plan %s; used %s; resets in %s s at %s',
            v_counter.counter, v_limit.rate_limit, v_limit.rate_window, v_plan_id, v_used - meter.amount,
            v_retry_after, v_window_start + v_limit.rate_window
          ),
          'details', v_counter.description,
          'hint', format('retry after %s seconds', v_retry_after)
        )::text,
        detail = pg_catalog.jsonb_build_object(
          'status', 429, 'headers', pg_catalog.jsonb_build_object('Retry-After', v_retry_after::text)
        )::text;
    end if;
  end if;

  v_period_end := chassis.usage_period_end(v_counter.period, now());
  insert into chassis.usage_counts as u (tenant_id, counter, period_start, period_end, used)
  values (
    v_tenant_id, meter.counter, chassis.usage_period_start(v_counter.period, now()), v_period_end, meter.amount
  )
  on conflict on constraint usage_counts_pkey do update
  set used = u.used + excluded.used, updated_at = now()
  returning u.used into v_used;
  if v_used > v_limit.period_limit then
    raise sqlstate 'PT402' using
      message = format(
        'plan limit reached for %s: %s per %s on plan %s; used %s; resets at %s',
        v_counter.counter, v_limit.period_limit, v_counter.period, v_plan_id, v_used - meter.amount, v_period_end
      ),
      detail = v_counter.description,
      hint = 'upgrade the plan or wait for the reset';
  end if;
  return v_used;
end;
$$;
grant execute on function chassis.meter(text, bigint) to authenticated, sidecar;
