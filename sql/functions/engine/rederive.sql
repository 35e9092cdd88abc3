-- sql/functions/engine/rederive.sql — re-derive the tenant's captures with an interpreter version (default: the
-- newest of `kind`): queues at most max_jobs missing derivations per call (throttled), then re-queues that version's
-- failed or skipped ones (e.g. once an LLM is configured); calling it again resumes. Earlier versions' derivations
-- are kept. Progress: api.rederivation_progress. Layer: engine.
-- Returns {kind, version, queued, remaining}.
create function engine.rederive(kind text, version text default null, max_jobs int default 100)
returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_tenant_id uuid := chassis.require_tenant();
  v_version text := coalesce(rederive.version, engine.latest_interpreter_version(rederive.kind));
  v_capture_id uuid;
  v_derivation_id uuid;
  v_queued int := 0;
  v_remaining int;
begin
  if not chassis.can('engine.captures.rederive') then
    raise sqlstate '42501' using message = 'your role cannot start a re-derivation in this tenant';
  end if;
  if not exists (
    select 1 from engine.interpreters as i where i.kind = rederive.kind and i.version = v_version
  ) then
    raise sqlstate 'PT404' using
      message = pg_catalog.format('interpreter %s version %s is not registered', rederive.kind, v_version);
  end if;
  if rederive.max_jobs not between 1 and 1000 then
    raise sqlstate 'PT400' using message = 'max_jobs must be between 1 and 1000';
  end if;
  for v_capture_id in
    select c.id from engine.captures as c
    where c.tenant_id = v_tenant_id
      and (c.kind = rederive.kind or exists (
        select 1 from engine.derivations as o where o.capture_id = c.id and o.kind = rederive.kind))
      and not exists (
        select 1 from engine.derivations as d
        where d.capture_id = c.id and d.kind = rederive.kind and d.interpreter_version = v_version)
    order by c.created_at, c.id
    limit rederive.max_jobs
  loop
    insert into engine.derivations (tenant_id, capture_id, kind, interpreter_version)
    values (v_tenant_id, v_capture_id, rederive.kind, v_version)
    returning id into v_derivation_id;
    update engine.derivations as d
    set job_id = chassis.enqueue_job('derivations__run',
      pg_catalog.jsonb_build_object('derivation_id', v_derivation_id), v_derivation_id::text)
    where d.id = v_derivation_id;
    v_queued := v_queued + 1;
  end loop;
  for v_derivation_id in
    select d.id from engine.derivations as d
    where d.tenant_id = v_tenant_id and d.kind = rederive.kind and d.interpreter_version = v_version
      and d.status in ('failed', 'skipped')
    order by d.created_at, d.id
    limit rederive.max_jobs - v_queued
  loop
    update engine.derivations as d
    set status = 'queued', error = null, updated_at = now(),
      job_id = chassis.enqueue_job('derivations__run',
        pg_catalog.jsonb_build_object('derivation_id', v_derivation_id), v_derivation_id::text)
    where d.id = v_derivation_id;
    v_queued := v_queued + 1;
  end loop;
  select count(*) into v_remaining from engine.captures as c
  where c.tenant_id = v_tenant_id
    and (c.kind = rederive.kind or exists (
      select 1 from engine.derivations as o where o.capture_id = c.id and o.kind = rederive.kind))
    and not exists (
      select 1 from engine.derivations as d
      where d.capture_id = c.id and d.kind = rederive.kind and d.interpreter_version = v_version
        and d.status not in ('failed', 'skipped'));
  return pg_catalog.jsonb_build_object('kind', rederive.kind, 'version', v_version, 'queued', v_queued,
    'remaining', v_remaining);
end;
$$;
grant execute on function engine.rederive(text, text, int) to authenticated;
