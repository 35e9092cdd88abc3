-- sql/ops/tenant_id_of.sql — resolve a tenant given by slug or id, or raise PT404. Layer: chassis.
create function ops.tenant_id_of(tenant text)
returns uuid
language plpgsql stable
set search_path = ''
as $$
declare
  v_id uuid;
begin
  select t.id into v_id from chassis.tenants as t
  where t.slug = tenant_id_of.tenant::extensions.citext or t.id::text = pg_catalog.lower(tenant_id_of.tenant);
  if v_id is null then
    raise sqlstate 'PT404' using message = format('no tenant %s', tenant_id_of.tenant);
  end if;
  return v_id;
end;
$$;
grant execute on function ops.tenant_id_of(text) to operator;
