-- sql/functions/engine/reset_breaker.sql — an operator closes a tenant's circuit breaker (with a reason); spend
-- before the reset no longer counts toward a new trip. Layer: engine.
create function engine.reset_breaker(tenant_id uuid, reason text)
returns void
language plpgsql volatile security definer
set search_path = ''
as $$
begin
  if nullif(btrim(reset_breaker.reason), '') is null then
    raise sqlstate 'PT400' using message = 'a reason is required to reset the breaker';
  end if;
  update engine.budgets as b
  set breaker_open_at = null, breaker_reason = null, breaker_reset_at = now(), updated_at = now()
  where b.tenant_id = reset_breaker.tenant_id and b.breaker_open_at is not null;
  if not found then
    raise sqlstate 'PT404' using message = 'the breaker of this tenant is not open';
  end if;
  update engine.breaker_trips as t
  set reset_at = now(), reset_by = coalesce(nullif(pg_catalog.current_setting('stance.operator', true), ''),
    session_user::text), reset_reason = reset_breaker.reason
  where t.tenant_id = reset_breaker.tenant_id and t.reset_at is null;
  insert into engine.events (tenant_id, event, status) values (reset_breaker.tenant_id, 'breaker', 'closed');
end;
$$;
grant execute on function engine.reset_breaker(uuid, text) to operator;
