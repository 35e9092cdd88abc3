-- sql/functions/verticals/architecture/tg_decisions__lock_outcome.sql — the outcome of a record whose
-- implementation has started cannot change, whatever path writes it (RPC or PATCH). Layer: vertical.
create or replace function architecture.tg_decisions__lock_outcome()
returns trigger language plpgsql set search_path = ''
as $$
begin
  if old.implementation_status in ('in_progress', 'implemented', 'verified')
    and (new.outcome_option_id is distinct from old.outcome_option_id
      or new.outcome_justification is distinct from old.outcome_justification) then
    raise sqlstate 'PT422' using
      message = format('the outcome of %s is locked: its implementation is %s',
        architecture.decision_ref(old.number), old.implementation_status),
      hint = 'supersede the record instead of changing its outcome';
  end if;
  return new;
end;
$$;
revoke all on function architecture.tg_decisions__lock_outcome() from public;

create trigger _110_lock_outcome before update of outcome_option_id, outcome_justification on architecture.decisions
for each row execute function architecture.tg_decisions__lock_outcome();
