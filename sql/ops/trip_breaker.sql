-- sql/ops/trip_breaker.sql — open a tenant's LLM circuit breaker by hand (its LLM jobs wait until a reset).
-- Layer: chassis (acts on engine). Operators only; reason required; audited in the tenant's chain.
create function ops.trip_breaker(tenant text, reason text)
returns text
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_tenant_id uuid;
  v_old engine.budgets;
begin
  perform ops.begin_action('trip_breaker', trip_breaker.reason);
  v_tenant_id := ops.tenant_id_of(trip_breaker.tenant);
  v_old := engine.budget_open(v_tenant_id);
  if v_old.breaker_open_at is not null then
    return 'already open';
  end if;
  update engine.budgets as b
  set breaker_open_at = now(), breaker_reason = 'operator: ' || trip_breaker.reason, updated_at = now()
  where b.tenant_id = v_tenant_id;
  insert into engine.breaker_trips (tenant_id, day_spend_micro_usd, baseline_micro_usd)
  values (v_tenant_id, 0, 0);
  perform chassis.audit_append(
    v_tenant_id, 'engine.budgets', 'UPDATE', to_jsonb(v_old),
    (select to_jsonb(b) from engine.budgets as b where b.tenant_id = v_tenant_id)
  );
  return 'open';
end;
$$;
grant execute on function ops.trip_breaker(text, text) to operator;
