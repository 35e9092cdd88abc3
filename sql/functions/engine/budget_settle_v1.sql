-- sql/functions/engine/budget_settle_v1.sql — settle a reservation to the actual cost (worker only; idempotent:
-- a reservation settles once; if it was already released as stale, the actual cost is still charged).
-- Layer: engine.
create function engine.budget_settle_v1(reservation_id uuid, actual_micro_usd bigint)
returns void
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_tenant_id uuid := chassis.require_tenant();
  v_amount bigint;
begin
  perform engine.require_worker();
  perform engine.budget_open(v_tenant_id);
  delete from engine.budget_reservations as r
  where r.id = budget_settle_v1.reservation_id and r.tenant_id = v_tenant_id
  returning r.amount_micro_usd into v_amount;
  update engine.budgets as b
  set reserved_micro_usd = greatest(0, b.reserved_micro_usd - coalesce(v_amount, 0)),
    spent_micro_usd = b.spent_micro_usd + budget_settle_v1.actual_micro_usd,
    updated_at = now()
  where b.tenant_id = v_tenant_id;
end;
$$;
grant execute on function engine.budget_settle_v1(uuid, bigint) to authenticated;
