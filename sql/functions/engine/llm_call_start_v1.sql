-- sql/functions/engine/llm_call_start_v1.sql — open a usage-ledger row before a model call (committed before the
-- call, so a worker killed mid-call still leaves the attempt on the ledger). Layer: engine.
create function engine.llm_call_start_v1(derivation_id uuid, attempt int, provider text, model text, endpoint text)
returns bigint
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_tenant_id uuid := chassis.require_tenant();
  v_id bigint;
begin
  perform engine.require_worker();
  insert into engine.llm_calls (tenant_id, derivation_id, job_id, attempt, provider, model, endpoint)
  values (v_tenant_id, llm_call_start_v1.derivation_id,
    nullif(pg_catalog.current_setting('stance.job_id', true), '')::bigint,
    llm_call_start_v1.attempt, llm_call_start_v1.provider, llm_call_start_v1.model, llm_call_start_v1.endpoint)
  returning id into v_id;
  return v_id;
end;
$$;
grant execute on function engine.llm_call_start_v1(uuid, int, text, text, text) to authenticated;
