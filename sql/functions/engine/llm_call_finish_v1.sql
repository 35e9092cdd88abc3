-- sql/functions/engine/llm_call_finish_v1.sql — record every model response of a call: the first completes the
-- row llm_call_start_v1 opened, each further one (validation retries) adds a row. Costs come from the price table
-- (integer micro-USD, price_version stored). responses: [{outcome, input_tokens, cache_read_tokens,
-- cache_write_tokens, output_tokens, latency_ms, model}]. Returns the total cost. Layer: engine.
create function engine.llm_call_finish_v1(call_id bigint, responses jsonb)
returns bigint
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_tenant_id uuid := chassis.require_tenant();
  v_call engine.llm_calls;
  v_price engine.prices;
  v_r jsonb;
  v_n int := 0;
  v_cost bigint;
  v_total bigint := 0;
begin
  perform engine.require_worker();
  select c.* into v_call from engine.llm_calls as c
  where c.id = llm_call_finish_v1.call_id and c.tenant_id = v_tenant_id and c.outcome = 'started'
  for update;
  if not found then
    raise sqlstate 'PT404' using message = pg_catalog.format('open LLM call %s not found', llm_call_finish_v1.call_id);
  end if;
  v_price := engine.price_for(v_call.provider, v_call.model);
  for v_r in select r.value from pg_catalog.jsonb_array_elements(llm_call_finish_v1.responses) as r loop
    v_n := v_n + 1;
    v_cost := engine.cost_micro_usd(v_price, (v_r ->> 'input_tokens')::bigint,
      coalesce((v_r ->> 'cache_read_tokens')::bigint, 0), coalesce((v_r ->> 'cache_write_tokens')::bigint, 0),
      (v_r ->> 'output_tokens')::bigint);
    v_total := v_total + v_cost;
    if v_n = 1 then
      update engine.llm_calls as c set
        outcome = v_r ->> 'outcome', input_tokens = (v_r ->> 'input_tokens')::int,
        cache_read_tokens = coalesce((v_r ->> 'cache_read_tokens')::int, 0),
        cache_write_tokens = coalesce((v_r ->> 'cache_write_tokens')::int, 0),
        output_tokens = (v_r ->> 'output_tokens')::int, cost_micro_usd = v_cost, price_version = v_price.id,
        latency_ms = (v_r ->> 'latency_ms')::int
      where c.id = v_call.id;
    else
      insert into engine.llm_calls (tenant_id, derivation_id, job_id, attempt, provider, model, endpoint, outcome,
        input_tokens, cache_read_tokens, cache_write_tokens, output_tokens, cost_micro_usd, price_version, latency_ms)
      values (v_tenant_id, v_call.derivation_id, v_call.job_id, v_call.attempt, v_call.provider, v_call.model,
        v_call.endpoint, v_r ->> 'outcome', (v_r ->> 'input_tokens')::int,
        coalesce((v_r ->> 'cache_read_tokens')::int, 0), coalesce((v_r ->> 'cache_write_tokens')::int, 0),
        (v_r ->> 'output_tokens')::int, v_cost, v_price.id, (v_r ->> 'latency_ms')::int);
    end if;
  end loop;
  if v_n = 0 then
    update engine.llm_calls as c set outcome = 'error', price_version = v_price.id where c.id = v_call.id;
  end if;
  return v_total;
end;
$$;
grant execute on function engine.llm_call_finish_v1(bigint, jsonb) to authenticated;
