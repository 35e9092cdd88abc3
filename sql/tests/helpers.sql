-- sql/tests/helpers.sql — tests schema: fixtures, personas and impersonation exactly as PostgREST does it.
-- Layer: chassis (tests). Loaded by setup.sql into test databases only, as the superuser.
-- PostgREST per request: set local role <jwt role>; set request.jwt.claims, request.headers, request.method;
-- then the db-pre-request function (chassis.pre_request). tests.authenticate_as() does the same.
create schema if not exists tests;
grant usage on schema tests to public;

create function tests.issuer()
returns text
language sql immutable
as $$ select 'https://dev.stance.local' $$;

-- Fixture writes need an envelope: open an operator one unless the transaction already has an envelope.
create function tests.ensure_envelope()
returns void
language plpgsql security definer
set search_path = ''
as $$
begin
  if chassis.envelope() ->> 'request_id' is null then
    perform chassis.operator_session('tests', 'fixtures');
  end if;
end;
$$;

create function tests.create_user(
  sub text, email text default null, name text default null, status text default 'active'
)
returns uuid
language plpgsql security definer
set search_path = ''
as $$
declare
  v_id uuid;
begin
  perform tests.ensure_envelope();
  v_id := chassis.provision_user(
    tests.issuer(), create_user.sub, coalesce(create_user.email, create_user.sub || '@example.test'),
    coalesce(create_user.name, pg_catalog.initcap(create_user.sub))
  );
  update chassis.users as u set status = create_user.status where u.id = v_id and u.status <> create_user.status;
  return v_id;
end;
$$;

create function tests.user_id(sub text)
returns uuid
language plpgsql stable security definer
set search_path = ''
as $$
declare
  v_id uuid;
begin
  select u.id into v_id from chassis.users as u where u.issuer = tests.issuer() and u.subject = user_id.sub;
  if v_id is null then
    raise exception 'tests.user_id: no user %', user_id.sub;
  end if;
  return v_id;
end;
$$;

create function tests.tenant_id(slug text)
returns uuid
language plpgsql stable security definer
set search_path = ''
as $$
declare
  v_id uuid;
begin
  select t.id into v_id from chassis.tenants as t where t.slug = tenant_id.slug::extensions.citext;
  if v_id is null then
    raise exception 'tests.tenant_id: no tenant %', tenant_id.slug;
  end if;
  return v_id;
end;
$$;

create function tests.personal_tenant_id(sub text)
returns uuid
language sql stable security definer
set search_path = ''
as $$
  select t.id from chassis.tenants as t where t.kind = 'personal' and t.created_by = tests.user_id(personal_tenant_id.sub);
$$;

-- A tenant owned by owner_sub (created when missing); status 'suspended' suspends it after creation.
create function tests.create_tenant(
  slug text, owner_sub text, kind text default 'team', status text default 'active'
)
returns uuid
language plpgsql security definer
set search_path = ''
as $$
declare
  v_owner uuid;
  v_id uuid;
begin
  perform tests.ensure_envelope();
  select u.id into v_owner from chassis.users as u where u.issuer = tests.issuer() and u.subject = owner_sub;
  v_owner := coalesce(v_owner, tests.create_user(create_tenant.owner_sub));
  v_id := chassis.create_tenant(
    create_tenant.kind, create_tenant.slug, pg_catalog.initcap(create_tenant.slug), v_owner
  );
  update chassis.tenants as t set status = create_tenant.status where t.id = v_id and t.status <> create_tenant.status;
  return v_id;
end;
$$;

create function tests.add_member(slug text, sub text, role text)
returns void
language plpgsql security definer
set search_path = ''
as $$
declare
  v_user uuid;
begin
  perform tests.ensure_envelope();
  select u.id into v_user from chassis.users as u where u.issuer = tests.issuer() and u.subject = add_member.sub;
  v_user := coalesce(v_user, tests.create_user(add_member.sub));
  insert into chassis.memberships (tenant_id, user_id, role)
  values (tests.tenant_id(add_member.slug), v_user, add_member.role);
end;
$$;

-- The standard cast. acme: olivia owner, adam admin, mia member, victor viewer, dora member (deactivated);
-- globex: gary owner (the stranger); umbrella (suspended): suzy owner, mia viewer; nina: signed in, no team.
create function tests.personas()
returns void
language plpgsql security definer
set search_path = ''
as $$
begin
  perform tests.create_tenant('acme', 'olivia');
  perform tests.add_member('acme', 'adam', 'admin');
  perform tests.add_member('acme', 'mia', 'member');
  perform tests.add_member('acme', 'victor', 'viewer');
  perform tests.add_member('acme', 'dora', 'member');
  perform tests.create_user('dora', status => 'deactivated');
  perform tests.create_tenant('globex', 'gary');
  perform tests.create_tenant('umbrella', 'suzy', status => 'suspended');
  perform tests.add_member('umbrella', 'mia', 'viewer');
  perform tests.create_user('nina');
end;
$$;

-- JWT claims as the identity provider would mint them (docs/contracts.md).
create function tests.claims(sub text, tenant_slug text default null)
returns jsonb
language sql stable
as $$
  select jsonb_strip_nulls(jsonb_build_object(
    'role', 'authenticated', 'iss', tests.issuer(), 'sub', claims.sub, 'aud', 'stance',
    'tenant_id', case when claims.tenant_slug is not null then tests.tenant_id(claims.tenant_slug) end,
    'email', claims.sub || '@example.test', 'name', initcap(claims.sub),
    'exp', extract(epoch from now() + interval '1 hour')::bigint
  ));
$$;

-- Impersonate any claims: role from the claims, transaction-local GUCs, then the db-pre-request function.
create function tests.authenticate_with(claims jsonb, headers jsonb default '{}', method text default 'GET')
returns void
language plpgsql
as $$
begin
  perform set_config('role', coalesce(authenticate_with.claims ->> 'role', 'anon'), true);
  perform set_config('request.jwt.claims', authenticate_with.claims::text, true);
  perform set_config('request.headers', authenticate_with.headers::text, true);
  perform set_config('request.method', authenticate_with.method, true);
  perform chassis.pre_request();
end;
$$;

create function tests.authenticate_as(
  sub text, tenant_slug text default null, headers jsonb default '{}', method text default 'GET'
)
returns void
language sql
as $$
  select tests.authenticate_with(
    tests.claims(authenticate_as.sub, authenticate_as.tenant_slug), authenticate_as.headers, authenticate_as.method
  );
$$;

-- The forged-claim persona: a valid token for sub whose tenant_id claim names a tenant sub does not belong to.
-- pre_request must refuse it (PT403 "not a member of tenant <id>").
create function tests.authenticate_forged(sub text, tenant_slug text)
returns void
language sql
as $$
  select tests.authenticate_with(
    tests.claims(authenticate_forged.sub)
    || jsonb_build_object('tenant_id', tests.tenant_id(authenticate_forged.tenant_slug))
  );
$$;

create function tests.as_anon()
returns void
language sql
as $$ select tests.authenticate_with('{"role": "anon"}'); $$;

-- Back to the superuser with no request GUCs (the envelope stays until the next pre_request).
create function tests.clear_authentication()
returns void
language plpgsql
as $$
begin
  reset role;
  perform set_config('request.jwt.claims', '', true);
  perform set_config('request.headers', '', true);
  perform set_config('request.method', '', true);
end;
$$;

-- psql operator: set role operator, then an audited operator session.
create function tests.as_operator(who text default 'tests', reason text default 'test')
returns void
language plpgsql
as $$
begin
  perform tests.clear_authentication();
  perform set_config('role', 'operator', true);
  perform chassis.operator_session(as_operator.who, as_operator.reason);
end;
$$;

-- Forget the envelope (session and transaction values), to prove that writes fail closed.
create function tests.drop_envelope()
returns void
language plpgsql
as $$
begin
  perform set_config('stance.request_id', '', false);
  perform set_config('stance.via', '', false);
end;
$$;

grant execute on all functions in schema tests to public;
