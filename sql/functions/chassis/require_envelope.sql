-- sql/functions/chassis/require_envelope.sql — fail closed: raise PT401 unless pre_request()/operator_session() ran.
-- Layer: chassis. Called by the version and audit triggers and by any layer's write path.
create function chassis.require_envelope()
returns void
language plpgsql stable
set search_path = ''
as $$
begin
  if nullif(pg_catalog.current_setting('stance.request_id', true), '') is null
    or nullif(pg_catalog.current_setting('stance.via', true), '') is null then
    raise sqlstate 'PT401' using
      message = 'no request envelope',
      hint = 'call chassis.pre_request() (or chassis.operator_session() as operator) before writing';
  end if;
end;
$$;
grant execute on function chassis.require_envelope() to anon, authenticated, sidecar, operator;
