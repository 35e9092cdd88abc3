-- sql/functions/engine/breaker_trip.sql — the circuit breaker: trip (and tell operators) when the tenant's spend
-- today exceeds factor × its trailing daily average (floored by the policy's baseline). Returns whether the
-- breaker is open. Layer: engine. Spend before an operator's reset does not count toward a new trip.
create function engine.breaker_trip(budget engine.budgets)
returns boolean
language plpgsql volatile
set search_path = ''
as $$
declare
  v_policy engine.budget_policy;
  v_day bigint;
  v_baseline bigint;
begin
  if (breaker_trip.budget).breaker_open_at is not null then
    return true;
  end if;
  select p.* into v_policy from engine.budget_policy as p;
  select coalesce(sum(c.cost_micro_usd), 0) into v_day
  from engine.llm_calls as c
  where c.tenant_id = (breaker_trip.budget).tenant_id
    and c.created_at >= greatest(date_trunc('day', now()), coalesce((breaker_trip.budget).breaker_reset_at, '-infinity'));
  select greatest(v_policy.breaker_min_baseline_micro_usd,
    coalesce(sum(c.cost_micro_usd), 0) / v_policy.breaker_trailing_days)::bigint into v_baseline
  from engine.llm_calls as c
  where c.tenant_id = (breaker_trip.budget).tenant_id
    and c.created_at >= date_trunc('day', now()) - pg_catalog.make_interval(days => v_policy.breaker_trailing_days)
    and c.created_at < date_trunc('day', now());
  if v_day <= v_policy.breaker_factor * v_baseline then
    return false;
  end if;
  update engine.budgets as b
  set breaker_open_at = now(),
    breaker_reason = pg_catalog.format('spent %s micro-USD today, over %s × the trailing average %s',
      v_day, v_policy.breaker_factor, v_baseline)
  where b.tenant_id = (breaker_trip.budget).tenant_id;
  insert into engine.breaker_trips (tenant_id, day_spend_micro_usd, baseline_micro_usd)
  values ((breaker_trip.budget).tenant_id, v_day, v_baseline);
  insert into engine.events (tenant_id, event, status, data)
  values ((breaker_trip.budget).tenant_id, 'breaker', 'open',
    pg_catalog.jsonb_build_object('day_spend_micro_usd', v_day, 'baseline_micro_usd', v_baseline));
  perform pg_catalog.pg_notify('engine_breaker', (breaker_trip.budget).tenant_id::text);
  return true;
end;
$$;
