-- sql/roles.sql — cluster roles and database-level privileges. Layer: chassis. Idempotent (roles are cluster-wide).
do $$
declare
  r record;
begin
  for r in
    select * from (values
      ('app_owner', 'nologin'),
      ('authenticator', 'login noinherit'),
      ('anon', 'nologin'),
      ('authenticated', 'nologin'),
      ('sidecar', 'login noinherit'),
      ('operator', 'nologin')
    ) as v (name, attrs)
  loop
    if not exists (select 1 from pg_roles where rolname = r.name) then
      execute format('create role %I %s', r.name, r.attrs);
    end if;
  end loop;
end;
$$;

-- Memberships and attributes are changed only when missing: loads into several databases of one cluster may run at
-- once (the tests do), and two transactions rewriting the same pg_authid row fail with "tuple concurrently updated".
do $$
declare
  r record;
begin
  for r in
    select * from (values
      -- PostgREST (real or compatible) logs in as authenticator and switches to the JWT role.
      ('anon', 'authenticator'),
      ('authenticated', 'authenticator'),
      -- The sidecar and worker act as the caller (authenticated) and, for webhooks and jobs, as themselves.
      ('authenticated', 'sidecar'),
      ('anon', 'sidecar'),
      -- Humans run `set role operator` from psql; operators may also act as the sidecar for repairs.
      ('operator', 'postgres')
    ) as v (granted, member)
  loop
    if not exists (
      select 1 from pg_auth_members as m
      where m.roleid = r.granted::regrole and m.member = r.member::regrole
    ) then
      execute format('grant %I to %I', r.granted, r.member);
    end if;
  end loop;
  -- Definer functions run as app_owner and operators repair across tenants: both pass RLS (their writes are still
  -- refused without an envelope and audited). FORCE row level security keeps the owner rule explicit in the catalog.
  for r in select rolname from pg_roles where rolname in ('app_owner', 'operator') and not rolbypassrls loop
    execute format('alter role %I bypassrls', r.rolname);
  end loop;
end;
$$;

do $$
begin
  execute format('grant create, connect, temporary on database %I to app_owner', current_database());
  execute format('grant connect on database %I to authenticator, sidecar', current_database());
  execute format('revoke create on schema public from public');
end;
$$;

alter default privileges for role app_owner revoke execute on functions from public;
