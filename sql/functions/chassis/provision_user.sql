-- sql/functions/chassis/provision_user.sql — find or create a user and their personal tenant. Layer: chassis.
-- Idempotent: refreshes email/name when they changed. Not granted: used by chassis.sign_in(), seeds and tests.
create function chassis.provision_user(issuer text, subject text, email text, name text)
returns uuid
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_user_id uuid;
  v_base text;
begin
  insert into chassis.users as u (issuer, subject, email, name)
  values (provision_user.issuer, provision_user.subject, provision_user.email, provision_user.name)
  on conflict on constraint users_issuer_subject_key do update
  set email = coalesce(excluded.email, u.email), name = coalesce(excluded.name, u.name)
  where (u.email, u.name) is distinct from (coalesce(excluded.email, u.email), coalesce(excluded.name, u.name))
  returning u.id into v_user_id;
  if v_user_id is null then
    select u.id into v_user_id
    from chassis.users as u
    where u.issuer = provision_user.issuer and u.subject = provision_user.subject;
  end if;
  if not exists (select 1 from chassis.tenants as t where t.created_by = v_user_id and t.kind = 'personal') then
    v_base := pg_catalog.left(pg_catalog.btrim(pg_catalog.regexp_replace(
      pg_catalog.lower(coalesce(pg_catalog.split_part(provision_user.email, '@', 1), provision_user.subject)),
      '[^a-z0-9]+', '-', 'g'
    ), '-'), 30);
    perform chassis.create_tenant(
      'personal',
      pg_catalog.concat_ws('-', nullif(v_base, ''), pg_catalog.left(pg_catalog.md5(v_user_id::text), 8)),
      coalesce(provision_user.name, provision_user.email, provision_user.subject),
      v_user_id
    );
  end if;
  return v_user_id;
end;
$$;
revoke all on function chassis.provision_user(text, text, text, text) from public;
