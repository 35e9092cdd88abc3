-- sql/ops/reactivate_tenant.sql — lift a tenant's suspension. Layer: chassis. Operators only; reason required.
create function ops.reactivate_tenant(tenant text, reason text)
returns text
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_id uuid;
begin
  perform ops.begin_action('reactivate_tenant', reactivate_tenant.reason);
  v_id := ops.tenant_id_of(reactivate_tenant.tenant);
  update chassis.tenants as t set status = 'active' where t.id = v_id and t.status <> 'active';
  return case when found then 'active' else 'already active' end;
end;
$$;
grant execute on function ops.reactivate_tenant(text, text) to operator;
