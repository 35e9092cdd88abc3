-- sql/functions/engine/create_capture.sql — store a capture (deduplicated per tenant by content hash) and queue
-- its derivation by the newest interpreter version of `kind`, in the caller's transaction. Layer: engine.
-- Returns {capture_id, derivation_id, job_id, deduplicated, status}. An LLM interpreter on a tenant whose budget
-- is exhausted → PT402 before anything is stored or queued.
create function engine.create_capture(source text, kind text, content text, metadata jsonb)
returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_tenant_id uuid := chassis.require_tenant();
  v_user_id uuid := chassis.require_user();
  v_version text;
  v_model text;
  v_hash text;
  v_capture_id uuid;
  v_deduplicated boolean := false;
  v_derivation engine.derivations;
  v_job_id bigint;
begin
  if not chassis.can('engine.captures.create') then
    raise sqlstate '42501' using message = 'your role cannot create captures in this tenant';
  end if;
  v_version := engine.latest_interpreter_version(create_capture.kind);
  if v_version is null then
    raise sqlstate 'PT400' using
      message = pg_catalog.format('no interpreter is registered for kind %s', create_capture.kind);
  end if;
  select i.model into v_model from engine.interpreters as i
  where i.kind = create_capture.kind and i.version = v_version;
  if v_model <> 'deterministic' then
    perform engine.budget_exhausted(engine.budget_open(v_tenant_id), 1);
  end if;

  v_hash := pg_catalog.encode(extensions.digest(create_capture.content, 'sha256'), 'hex');
  insert into engine.captures (tenant_id, source, kind, content, content_hash, metadata, created_by)
  values (v_tenant_id, create_capture.source, create_capture.kind, create_capture.content, v_hash,
    coalesce(create_capture.metadata, '{}'), v_user_id)
  on conflict (tenant_id, content_hash) do nothing
  returning id into v_capture_id;
  if v_capture_id is null then
    v_deduplicated := true;
    select c.id into v_capture_id from engine.captures as c
    where c.tenant_id = v_tenant_id and c.content_hash = v_hash;
  end if;

  insert into engine.derivations (tenant_id, capture_id, kind, interpreter_version)
  values (v_tenant_id, v_capture_id, create_capture.kind, v_version)
  on conflict on constraint derivations_capture_id_kind_interpreter_version_key do nothing
  returning * into v_derivation;
  if v_derivation.id is null then
    select d.* into v_derivation from engine.derivations as d
    where d.capture_id = v_capture_id and d.kind = create_capture.kind and d.interpreter_version = v_version;
  else
    v_job_id := chassis.enqueue_job('derivations__run',
      pg_catalog.jsonb_build_object('derivation_id', v_derivation.id), v_derivation.id::text);
    update engine.derivations as d set job_id = v_job_id where d.id = v_derivation.id;
    v_derivation.job_id := v_job_id;
  end if;
  return pg_catalog.jsonb_build_object(
    'capture_id', v_capture_id, 'derivation_id', v_derivation.id, 'job_id', v_derivation.job_id,
    'deduplicated', v_deduplicated, 'status', v_derivation.status
  );
end;
$$;
grant execute on function engine.create_capture(text, text, text, jsonb) to authenticated;
