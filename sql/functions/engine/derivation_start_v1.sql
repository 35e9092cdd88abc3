-- sql/functions/engine/derivation_start_v1.sql — the worker's short read transaction: mark a derivation running
-- (attempt + 1) and return what the interpreter needs. Layer: engine. Idempotent: a derivation already finished
-- is returned with `finished: true` and left alone (delivery is at least once).
create function engine.derivation_start_v1(derivation_id uuid)
returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_tenant_id uuid := chassis.require_tenant();
  v_d engine.derivations;
  v_c engine.captures;
  v_model text;
begin
  perform engine.require_worker();
  select d.* into v_d from engine.derivations as d
  where d.id = derivation_start_v1.derivation_id and d.tenant_id = v_tenant_id
  for update;
  if not found then
    raise sqlstate 'PT404' using
      message = pg_catalog.format('derivation %s not found', derivation_start_v1.derivation_id);
  end if;
  select c.* into v_c from engine.captures as c where c.id = v_d.capture_id;
  select i.model into v_model from engine.interpreters as i
  where i.kind = v_d.kind and i.version = v_d.interpreter_version;
  if v_d.status in ('queued', 'running') then
    update engine.derivations as d
    set status = 'running', attempts = d.attempts + 1, updated_at = now()
    where d.id = v_d.id
    returning * into v_d;
  end if;
  return pg_catalog.jsonb_build_object(
    'derivation_id', v_d.id, 'status', v_d.status, 'attempts', v_d.attempts,
    'finished', v_d.status not in ('queued', 'running'),
    'kind', v_d.kind, 'version', v_d.interpreter_version, 'model', v_model,
    'capture', pg_catalog.jsonb_build_object('capture_id', v_c.id, 'tenant_id', v_c.tenant_id, 'kind', v_c.kind,
      'source', v_c.source, 'content', v_c.content, 'metadata', v_c.metadata)
  );
end;
$$;
grant execute on function engine.derivation_start_v1(uuid) to authenticated;
