-- sql/functions/verticals/architecture/tg_decisions__record_status.sql — append status history. Layer: vertical.
-- Definer: users hold no insert grant on the history, so it cannot be forged. The reason comes from the
-- transaction-local setting architecture.status_reason, set by the RPC that moved the status.
create or replace function architecture.tg_decisions__record_status()
returns trigger language plpgsql security definer set search_path = ''
as $$
begin
  if tg_op = 'UPDATE' and new.status is not distinct from old.status then
    return null;
  end if;
  insert into architecture.decision_status_history (
    tenant_id, decision_id, from_status, to_status, actor_id, reason, request_id
  ) values (
    new.tenant_id, new.id, case when tg_op = 'UPDATE' then old.status end, new.status, chassis.current_user_id(),
    nullif(current_setting('architecture.status_reason', true), ''),
    nullif(current_setting('stance.request_id', true), '')
  );
  return null;
end;
$$;
revoke all on function architecture.tg_decisions__record_status() from public;

create trigger _500_record_status after insert or update of status on architecture.decisions
for each row execute function architecture.tg_decisions__record_status();
