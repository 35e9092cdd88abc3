-- sql/functions/chassis/pre_request.sql — PostgREST db-pre-request: resolve the principal, set the envelope.
-- Layer: chassis. Also run by the sidecar and the worker at the start of every transaction.
-- Reads request.jwt.claims (iss, sub, tenant_id) and request.headers (x-tenant-id, x-request-id); raises PT401/PT403
-- with a message saying exactly what is wrong; sets stance.* GUCs transaction-locally (see chassis.envelope()).
-- An unknown (iss, sub) passes with a null user id so that api.sign_in() can create the user.
create function chassis.pre_request()
returns void
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_claims jsonb := coalesce(nullif(pg_catalog.current_setting('request.jwt.claims', true), '')::jsonb, '{}');
  v_headers jsonb := coalesce(nullif(pg_catalog.current_setting('request.headers', true), '')::jsonb, '{}');
  v_hint text := nullif(pg_catalog.current_setting('stance.via_hint', true), '');
  v_request_id text := coalesce(nullif(left(v_headers ->> 'x-request-id', 200), ''), gen_random_uuid()::text);
  v_tenant_text text := coalesce(nullif(v_claims ->> 'tenant_id', ''), nullif(v_headers ->> 'x-tenant-id', ''));
  v_via text;
  v_job_id text;
  v_user chassis.users;
  v_tenant_id uuid;
  v_tenant_slug text;
  v_tenant_status text;
  v_role text;
begin
  v_via := case
    when session_user = 'authenticator' then 'api'
    when session_user = 'sidecar' then case when v_hint = 'worker' then 'worker' else 'sidecar' end
    when v_hint in ('api', 'sidecar', 'worker') then v_hint
    else 'api'
  end;
  if v_via = 'worker' then
    v_job_id := nullif(pg_catalog.current_setting('stance.job_id', true), '');
  end if;

  if nullif(v_claims ->> 'sub', '') is null then
    if v_claims ->> 'role' = 'authenticated' then
      raise sqlstate 'PT401' using message = 'jwt claim "sub" is missing';
    end if;
    perform chassis.set_envelope(v_request_id, null, null, null, v_via, v_job_id);
    return;
  end if;
  if nullif(v_claims ->> 'iss', '') is null then
    raise sqlstate 'PT401' using message = 'jwt claim "iss" is missing';
  end if;

  select u.* into v_user
  from chassis.users as u
  where u.issuer = v_claims ->> 'iss' and u.subject = v_claims ->> 'sub';
  if not found then
    if v_tenant_text is not null then
      raise sqlstate 'PT403' using
        message = 'unknown user cannot select a tenant',
        hint = 'call /rpc/sign_in first';
    end if;
    perform chassis.set_envelope(v_request_id, null, null, null, v_via, v_job_id);
    return;
  end if;
  if v_user.status = 'deactivated' then
    raise sqlstate 'PT403' using message = 'user is deactivated';
  end if;

  if v_tenant_text is not null then
    if v_tenant_text !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then
      raise sqlstate 'PT401' using message = format('malformed tenant id %s', v_tenant_text);
    end if;
    select t.id, t.slug::text, t.status, m.role into v_tenant_id, v_tenant_slug, v_tenant_status, v_role
    from chassis.memberships as m
    inner join chassis.tenants as t on t.id = m.tenant_id
    where m.tenant_id = v_tenant_text::uuid and m.user_id = v_user.id;
    if not found then
      raise sqlstate 'PT403' using message = format('not a member of tenant %s', v_tenant_text::uuid);
    end if;
    if v_tenant_status = 'suspended' then
      raise sqlstate 'PT403' using message = format('tenant %s is suspended', v_tenant_slug);
    end if;
  end if;

  perform chassis.set_envelope(v_request_id, v_user.id, v_tenant_id, v_role, v_via, v_job_id);
end;
$$;
grant execute on function chassis.pre_request() to anon, authenticated, sidecar, operator;
