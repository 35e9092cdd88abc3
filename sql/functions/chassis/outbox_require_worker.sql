-- sql/functions/chassis/outbox_require_worker.sql — refuse unless the caller is the worker or the sidecar: the
-- sidecar login itself, or a transaction whose envelope says via worker/sidecar (pre_request derives via from
-- session_user, so PostgREST callers — session authenticator — are always via api). Layer: chassis.
create function chassis.outbox_require_worker()
returns void
language plpgsql stable
set search_path = ''
as $$
begin
  if session_user::text <> 'sidecar'
    and coalesce(nullif(pg_catalog.current_setting('stance.via', true), ''), 'api') not in ('worker', 'sidecar') then
    raise sqlstate 'PT403' using message = 'only the worker may change delivery state';
  end if;
end;
$$;
revoke all on function chassis.outbox_require_worker() from public;
