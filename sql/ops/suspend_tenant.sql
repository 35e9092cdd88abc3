-- sql/ops/suspend_tenant.sql — suspend a tenant (its members' requests and jobs then fail with PT403).
-- Layer: chassis. Operators only; a reason is required and lands in the tenant's audit chain.
create function ops.suspend_tenant(tenant text, reason text)
returns text
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_id uuid;
begin
  perform ops.begin_action('suspend_tenant', suspend_tenant.reason);
  v_id := ops.tenant_id_of(suspend_tenant.tenant);
  update chassis.tenants as t set status = 'suspended' where t.id = v_id and t.status <> 'suspended';
  return case when found then 'suspended' else 'already suspended' end;
end;
$$;
grant execute on function ops.suspend_tenant(text, text) to operator;
