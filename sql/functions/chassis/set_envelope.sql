-- sql/functions/chassis/set_envelope.sql — writes the envelope GUCs (internal to pre_request/operator_session).
-- Layer: chassis. Not granted to anyone: only definer code owned by app_owner calls it.
create function chassis.set_envelope(
  request_id text, user_id uuid, tenant_id uuid, tenant_role text, via text, job_id text,
  operator text default null, operator_reason text default null, is_local boolean default true
)
returns void
language plpgsql volatile
set search_path = ''
as $$
begin
  if set_envelope.via not in ('api', 'sidecar', 'worker', 'operator') then
    raise exception 'invalid via %', set_envelope.via;
  end if;
  perform pg_catalog.set_config('stance.request_id', set_envelope.request_id, set_envelope.is_local);
  perform pg_catalog.set_config('stance.user_id', coalesce(set_envelope.user_id::text, ''), set_envelope.is_local);
  perform pg_catalog.set_config('stance.tenant_id', coalesce(set_envelope.tenant_id::text, ''), set_envelope.is_local);
  perform pg_catalog.set_config('stance.tenant_role', coalesce(set_envelope.tenant_role, ''), set_envelope.is_local);
  perform pg_catalog.set_config('stance.via', set_envelope.via, set_envelope.is_local);
  perform pg_catalog.set_config('stance.job_id', coalesce(set_envelope.job_id, ''), set_envelope.is_local);
  perform pg_catalog.set_config('stance.operator', coalesce(set_envelope.operator, ''), set_envelope.is_local);
  perform pg_catalog.set_config(
    'stance.operator_reason', coalesce(set_envelope.operator_reason, ''), set_envelope.is_local
  );
end;
$$;
revoke all on function chassis.set_envelope(text, uuid, uuid, text, text, text, text, text, boolean) from public;
