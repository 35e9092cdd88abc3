-- sql/functions/engine/tg_derivations__emit_event.sql — every derivation status change becomes a progress event
-- (engine.events) and a NOTIFY engine_events {id, tenant_id} for the SSE streams. Layer: engine.
create function engine.tg_derivations__emit_event()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  v_id bigint;
begin
  if tg_op = 'UPDATE' and new.status is not distinct from old.status then
    return null;
  end if;
  insert into engine.events (tenant_id, event, capture_id, derivation_id, status, data)
  values (new.tenant_id, 'derivation', new.capture_id, new.id, new.status,
    pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
      'kind', new.kind, 'interpreter_version', new.interpreter_version, 'attempts', new.attempts,
      'error', new.error, 'job_id', new.job_id)))
  returning id into v_id;
  perform pg_catalog.pg_notify('engine_events',
    pg_catalog.jsonb_build_object('id', v_id, 'tenant_id', new.tenant_id)::text);
  return null;
end;
$$;
create trigger derivations_emit_event
after insert or update of status on engine.derivations
for each row execute function engine.tg_derivations__emit_event();
