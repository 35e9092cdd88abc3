-- sql/functions/verticals/architecture/tg_decision_links__check.sql — sane supersession links. Layer: vertical.
-- Only accepted (or already superseded/deprecated) records can be superseded; no supersession cycles. Symmetric kinds
-- (relates_to, conflicts_with) are stored once: a link whose reverse exists is skipped.
create or replace function architecture.tg_decision_links__check()
returns trigger language plpgsql set search_path = ''
as $$
declare
  v_target architecture.decisions;
begin
  if new.kind in ('relates_to', 'conflicts_with') and exists (
    select 1 from architecture.decision_links as l
    where l.decision_id = new.target_decision_id and l.target_decision_id = new.decision_id and l.kind = new.kind
  ) then
    return null;
  end if;
  if new.kind <> 'supersedes' then
    return new;
  end if;
  select * into v_target from architecture.decisions as d where d.id = new.target_decision_id;
  if v_target.status not in ('accepted', 'superseded', 'deprecated') then
    raise sqlstate 'PT422' using
      message = format('%s is %s: only accepted records can be superseded',
        architecture.decision_ref(v_target.number), v_target.status),
      hint = 'link it with relates_to, or edit it while it is still open';
  end if;
  if exists (
    with recursive chain (id) as (
      select l.target_decision_id from architecture.decision_links as l
      where l.decision_id = new.target_decision_id and l.kind = 'supersedes'
      union
      select l.target_decision_id from architecture.decision_links as l
      join chain as c on l.decision_id = c.id
      where l.kind = 'supersedes'
    )
    select 1 from chain where chain.id = new.decision_id
  ) then
    raise sqlstate 'PT422' using
      message = format('%s already (transitively) supersedes this record: supersession cannot loop',
        architecture.decision_ref(v_target.number));
  end if;
  return new;
end;
$$;
revoke all on function architecture.tg_decision_links__check() from public;

create trigger _100_check before insert on architecture.decision_links
for each row execute function architecture.tg_decision_links__check();
