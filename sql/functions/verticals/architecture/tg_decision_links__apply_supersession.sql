-- sql/functions/verticals/architecture/tg_decision_links__apply_supersession.sql — late supersedes links.
-- Layer: vertical. A supersedes link added from an already accepted record takes effect at once.
create or replace function architecture.tg_decision_links__apply_supersession()
returns trigger language plpgsql set search_path = ''
as $$
begin
  if exists (select 1 from architecture.decisions as d where d.id = new.decision_id and d.status = 'accepted') then
    perform architecture.mark_superseded(new.decision_id);
  end if;
  return null;
end;
$$;
revoke all on function architecture.tg_decision_links__apply_supersession() from public;

create trigger _600_apply_supersession after insert on architecture.decision_links
for each row when (new.kind = 'supersedes')
execute function architecture.tg_decision_links__apply_supersession();
