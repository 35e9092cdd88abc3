-- sql/functions/chassis/sign_in.sql — bootstrap the caller from JWT claims: user + personal tenant on first call.
-- Layer: chassis. Idempotent. Returns {user_id, personal_tenant_id, created}. Behind api.sign_in().
create function chassis.sign_in()
returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_claims jsonb := coalesce(nullif(pg_catalog.current_setting('request.jwt.claims', true), '')::jsonb, '{}');
  v_user_id uuid;
  v_status text;
begin
  if nullif(v_claims ->> 'sub', '') is null or nullif(v_claims ->> 'iss', '') is null then
    raise sqlstate 'PT401' using message = 'sign_in needs a token with iss and sub claims';
  end if;
  perform chassis.require_envelope();
  select u.status into v_status
  from chassis.users as u
  where u.issuer = v_claims ->> 'iss' and u.subject = v_claims ->> 'sub';
  if v_status = 'deactivated' then
    raise sqlstate 'PT403' using message = 'user is deactivated';
  end if;
  v_user_id := chassis.provision_user(
    v_claims ->> 'iss', v_claims ->> 'sub', nullif(v_claims ->> 'email', ''), nullif(v_claims ->> 'name', '')
  );
  perform pg_catalog.set_config('stance.user_id', v_user_id::text, true);
  return pg_catalog.jsonb_build_object(
    'user_id', v_user_id,
    'personal_tenant_id', (
      select t.id from chassis.tenants as t where t.created_by = v_user_id and t.kind = 'personal'
    ),
    'created', v_status is null
  );
end;
$$;
grant execute on function chassis.sign_in() to authenticated, sidecar;
