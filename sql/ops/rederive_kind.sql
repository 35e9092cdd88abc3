-- sql/ops/rederive_kind.sql — re-derive a tenant's captures of a kind with its newest interpreter version
-- (throttled: at most max_jobs per call; call again to resume). Layer: chassis (acts on engine.rederive).
-- Jobs need a tenant user as their principal: the call runs engine.rederive as the tenant's first active owner,
-- then restores the operator envelope and audits the operator's action (with its reason) in the tenant's chain.
create function ops.rederive_kind(tenant text, kind text, reason text, max_jobs int default 100)
returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_tenant_id uuid;
  v_owner chassis.users;
  v_envelope jsonb;
  v_result jsonb;
begin
  perform ops.begin_action('rederive_kind', rederive_kind.reason);
  v_envelope := chassis.envelope();
  v_tenant_id := ops.tenant_id_of(rederive_kind.tenant);
  select u.* into v_owner
  from chassis.memberships as m
  inner join chassis.users as u on m.user_id = u.id
  where m.tenant_id = v_tenant_id and m.role = 'owner' and u.status = 'active'
  order by m.created_at
  limit 1;
  if v_owner.id is null then
    raise sqlstate 'PT409' using message = format('tenant %s has no active owner to run the jobs as',
      rederive_kind.tenant);
  end if;
  perform set_config('request.jwt.claims', jsonb_build_object(
    'role', 'authenticated', 'iss', v_owner.issuer, 'sub', v_owner.subject, 'tenant_id', v_tenant_id
  )::text, true);
  perform chassis.pre_request();
  v_result := engine.rederive(rederive_kind.kind, null, rederive_kind.max_jobs);
  perform set_config('request.jwt.claims', '', true);
  perform chassis.set_envelope(
    v_envelope ->> 'request_id', null, null, null, 'operator', null, v_envelope ->> 'operator',
    v_envelope ->> 'reason', true
  );
  perform chassis.audit_append(
    v_tenant_id, 'engine.derivations', 'INSERT', null,
    v_result || jsonb_build_object('jobs_run_as', v_owner.id)
  );
  return v_result;
end;
$$;
grant execute on function ops.rederive_kind(text, text, text, int) to operator;
