-- sql/ops/reset_breaker.sql — close a tenant's LLM circuit breaker (spend before the reset no longer counts).
-- Layer: chassis (acts on engine through engine.reset_breaker). Operators only; reason required; audited.
create function ops.reset_breaker(tenant text, reason text)
returns text
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_tenant_id uuid;
  v_old jsonb;
begin
  perform ops.begin_action('reset_breaker', reset_breaker.reason);
  v_tenant_id := ops.tenant_id_of(reset_breaker.tenant);
  select to_jsonb(b) into v_old from engine.budgets as b where b.tenant_id = v_tenant_id;
  perform engine.reset_breaker(v_tenant_id, reset_breaker.reason);
  perform chassis.audit_append(
    v_tenant_id, 'engine.budgets', 'UPDATE', v_old,
    (select to_jsonb(b) from engine.budgets as b where b.tenant_id = v_tenant_id)
  );
  return 'closed';
end;
$$;
grant execute on function ops.reset_breaker(text, text) to operator;
