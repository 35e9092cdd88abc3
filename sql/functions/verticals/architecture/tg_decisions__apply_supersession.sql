-- sql/functions/verticals/architecture/tg_decisions__apply_supersession.sql — accepting supersedes. Layer: vertical.
create or replace function architecture.tg_decisions__apply_supersession()
returns trigger language plpgsql set search_path = ''
as $$
begin
  perform architecture.mark_superseded(new.id);
  return null;
end;
$$;
revoke all on function architecture.tg_decisions__apply_supersession() from public;

create trigger _600_apply_supersession after update of status on architecture.decisions
for each row when (new.status = 'accepted' and old.status is distinct from 'accepted')
execute function architecture.tg_decisions__apply_supersession();
