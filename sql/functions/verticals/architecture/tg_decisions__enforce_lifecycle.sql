-- sql/functions/verticals/architecture/tg_decisions__enforce_lifecycle.sql — lifecycle guard on status. Layer: vertical.
-- Whatever path writes the row, status moves only along the graph; superseded only once an accepted record
-- supersedes it. Stamps proposed_at / decided_at and clears status_raw.
create or replace function architecture.tg_decisions__enforce_lifecycle()
returns trigger language plpgsql set search_path = ''
as $$
begin
  if new.status is not distinct from old.status then
    return new;
  end if;
  perform architecture.check_decision_transition(old.number, old.status, new.status);
  if new.status = 'superseded' and not exists (
    select 1
    from architecture.decision_links as l
    join architecture.decisions as s on s.id = l.decision_id
    where l.target_decision_id = new.id and l.kind = 'supersedes'
      and s.status in ('accepted', 'deprecated', 'superseded')
  ) then
    raise sqlstate 'PT422' using
      message = format('%s can only become superseded when a record that supersedes it is accepted',
        architecture.decision_ref(old.number)),
      hint = 'create a superseding record (architecture_decision_supersede) and accept it';
  end if;
  -- An imported status text that did not map is history once the record moves on.
  new.status_raw := null;
  if new.status = 'proposed' then
    new.proposed_at := now();
  elsif new.status in ('accepted', 'rejected') then
    new.decided_at := now();
  end if;
  return new;
end;
$$;
revoke all on function architecture.tg_decisions__enforce_lifecycle() from public;

create trigger _100_enforce_lifecycle before update of status on architecture.decisions
for each row execute function architecture.tg_decisions__enforce_lifecycle();
