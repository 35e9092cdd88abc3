-- sql/functions/engine/budget_open.sql — the tenant's budget row, created with the default limit, rolled over to
-- the current month, stale reservations (older than the lease: a killed worker) released. Locked for update.
-- Layer: engine. Internal to the definer budget functions.
create function engine.budget_open(tenant_id uuid)
returns engine.budgets
language plpgsql volatile
set search_path = ''
as $$
declare
  v_budget engine.budgets;
  v_stale bigint;
begin
  insert into engine.budgets (tenant_id, limit_micro_usd)
  select budget_open.tenant_id, p.default_limit_micro_usd from engine.budget_policy as p
  on conflict on constraint budgets_pkey do nothing;
  select b.* into v_budget from engine.budgets as b where b.tenant_id = budget_open.tenant_id for update;

  with stale as (
    delete from engine.budget_reservations as r
    where r.tenant_id = budget_open.tenant_id
      and r.created_at < now() - (select p.reservation_lease from engine.budget_policy as p)
    returning r.amount_micro_usd
  )
  select coalesce(sum(s.amount_micro_usd), 0) into v_stale from stale as s;

  update engine.budgets as b set
    reserved_micro_usd = greatest(0, b.reserved_micro_usd - v_stale),
    spent_micro_usd = case when b.period_start < date_trunc('month', now())::date then 0 else b.spent_micro_usd end,
    period_start = date_trunc('month', now())::date,
    updated_at = now()
  where b.tenant_id = budget_open.tenant_id
  returning b.* into v_budget;
  return v_budget;
end;
$$;
