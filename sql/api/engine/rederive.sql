-- sql/api/engine/rederive.sql — RPC /rpc/rederive: queue missing derivations of the tenant's captures with an
-- interpreter version, at most max_jobs per call (call again to resume). Layer: engine.
create function api.rederive(kind text, version text default null, max_jobs int default 100)
returns jsonb
language sql volatile
set search_path = ''
as $$
  select engine.rederive(rederive.kind, rederive.version, rederive.max_jobs);
$$;
grant execute on function api.rederive(text, text, int) to authenticated;
