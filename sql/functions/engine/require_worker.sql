-- sql/functions/engine/require_worker.sql — refuse unless the transaction is the worker's (or the sidecar's):
-- pre_request sets stance.via from session_user, so PostgREST callers are always via api. Layer: engine.
create function engine.require_worker()
returns void
language plpgsql stable
set search_path = ''
as $$
begin
  if coalesce(nullif(pg_catalog.current_setting('stance.via', true), ''), 'api') not in ('worker', 'sidecar') then
    raise sqlstate 'PT403' using message = 'only the worker may record derivation results';
  end if;
end;
$$;
grant execute on function engine.require_worker() to authenticated, sidecar;
