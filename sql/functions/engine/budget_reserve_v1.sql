-- sql/functions/engine/budget_reserve_v1.sql — reserve a pessimistic estimate before a model call (worker only).
-- Layer: engine. Returns {reservation_id, amount_micro_usd, price_version}, or {paused: true, message} when the
-- circuit breaker is open (the trip itself must commit, so this does not raise); raises PT402 when the budget
-- cannot take the estimate — no reservation, no call.
create function engine.budget_reserve_v1(
  derivation_id uuid, provider text, model text, input_tokens bigint, output_tokens bigint
)
returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_tenant_id uuid := chassis.require_tenant();
  v_budget engine.budgets;
  v_price engine.prices;
  v_amount bigint;
  v_id uuid;
begin
  perform engine.require_worker();
  v_budget := engine.budget_open(v_tenant_id);
  if engine.breaker_trip(v_budget) then
    return pg_catalog.jsonb_build_object('paused', true, 'message',
      'LLM calls of this tenant are paused by the spend circuit breaker until an operator resets it');
  end if;
  v_price := engine.price_for(budget_reserve_v1.provider, budget_reserve_v1.model);
  v_amount := engine.cost_micro_usd(v_price, budget_reserve_v1.input_tokens, 0, 0, budget_reserve_v1.output_tokens);
  perform engine.budget_exhausted(v_budget, v_amount);
  update engine.budgets as b
  set reserved_micro_usd = b.reserved_micro_usd + v_amount, updated_at = now()
  where b.tenant_id = v_tenant_id;
  insert into engine.budget_reservations (tenant_id, derivation_id, amount_micro_usd)
  values (v_tenant_id, budget_reserve_v1.derivation_id, v_amount)
  returning id into v_id;
  return pg_catalog.jsonb_build_object('reservation_id', v_id, 'amount_micro_usd', v_amount,
    'price_version', v_price.id);
end;
$$;
grant execute on function engine.budget_reserve_v1(uuid, text, text, bigint, bigint) to authenticated;
