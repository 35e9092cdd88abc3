-- sql/functions/engine/derivation_defer_v1.sql — put a running derivation back to queued with the reason it waits
-- (e.g. the tenant's LLM calls are paused by the circuit breaker); the job retries later. Worker only.
-- Layer: engine.
create function engine.derivation_defer_v1(derivation_id uuid, reason text)
returns void
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_tenant_id uuid := chassis.require_tenant();
begin
  perform engine.require_worker();
  update engine.derivations as d
  set status = 'queued', error = derivation_defer_v1.reason, updated_at = now()
  where d.id = derivation_defer_v1.derivation_id and d.tenant_id = v_tenant_id and d.status = 'running';
end;
$$;
grant execute on function engine.derivation_defer_v1(uuid, text) to authenticated;
