-- sql/functions/engine/derivation_finish_v1.sql — the worker's write: store the outcome of a derivation once.
-- Layer: engine. Only a queued/running row changes: returns true if this call stored the outcome, false if the
-- derivation was already final (a second delivery of the same job), so reducers run exactly once.
create function engine.derivation_finish_v1(
  derivation_id uuid, status text, payload jsonb, evidence jsonb, usage jsonb, cost_micro_usd bigint, error text
)
returns boolean
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_tenant_id uuid := chassis.require_tenant();
  v_status text;
begin
  perform engine.require_worker();
  if derivation_finish_v1.status not in ('done', 'failed', 'needs_review', 'skipped') then
    raise sqlstate 'PT400' using message = pg_catalog.format('not a final status: %s', derivation_finish_v1.status);
  end if;
  update engine.derivations as d set
    status = derivation_finish_v1.status,
    payload = derivation_finish_v1.payload,
    evidence = coalesce(derivation_finish_v1.evidence, '[]'),
    usage = coalesce(derivation_finish_v1.usage, '{}'),
    cost_micro_usd = coalesce(derivation_finish_v1.cost_micro_usd, 0),
    error = derivation_finish_v1.error,
    updated_at = now(),
    finished_at = now()
  where d.id = derivation_finish_v1.derivation_id and d.tenant_id = v_tenant_id
    and d.status in ('queued', 'running')
  returning d.status into v_status;
  if v_status is not null then
    return true;
  end if;
  if not exists (
    select 1 from engine.derivations as d
    where d.id = derivation_finish_v1.derivation_id and d.tenant_id = v_tenant_id
  ) then
    raise sqlstate 'PT404' using
      message = pg_catalog.format('derivation %s not found', derivation_finish_v1.derivation_id);
  end if;
  return false;
end;
$$;
grant execute on function engine.derivation_finish_v1(uuid, text, jsonb, jsonb, jsonb, bigint, text) to authenticated;
