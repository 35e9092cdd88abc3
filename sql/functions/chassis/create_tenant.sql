-- sql/functions/chassis/create_tenant.sql — insert a tenant and its first owner membership. Layer: chassis.
-- Not granted: used by chassis.provision_user(), chassis.create_team(), seeds and tests. A taken slug → PT409.
create function chassis.create_tenant(kind text, slug text, name text, owner_id uuid)
returns uuid
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_tenant_id uuid;
begin
  if create_tenant.slug is null or create_tenant.slug !~ '^[a-z0-9][a-z0-9-]{1,38}[a-z0-9]$' then
    raise sqlstate 'PT400' using
      message = pg_catalog.format('invalid slug %s', coalesce(create_tenant.slug, 'null')),
      hint = '3 to 40 characters: lower-case letters, digits and inner dashes';
  end if;
  if exists (select 1 from chassis.tenants as t where t.slug = create_tenant.slug::extensions.citext) then
    raise sqlstate 'PT409' using message = pg_catalog.format('slug %s is taken', create_tenant.slug);
  end if;
  insert into chassis.tenants (kind, slug, name, created_by)
  values (create_tenant.kind, create_tenant.slug, create_tenant.name, create_tenant.owner_id)
  returning id into v_tenant_id;
  insert into chassis.memberships (tenant_id, user_id, role)
  values (v_tenant_id, create_tenant.owner_id, 'owner');
  return v_tenant_id;
end;
$$;
revoke all on function chassis.create_tenant(text, text, text, uuid) from public;
