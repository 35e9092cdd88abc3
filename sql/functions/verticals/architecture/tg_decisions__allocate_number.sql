-- sql/functions/verticals/architecture/tg_decisions__allocate_number.sql — server-side ADR numbering. Layer: vertical.
-- The counter row is locked by the upsert, so concurrent creators in one tenant queue up; the counter moves in the
-- inserting transaction (a rollback leaves no gap) and never goes down (numbers are never reused). An explicit
-- number (imports) is kept when free and lifts the counter past it.
create or replace function architecture.tg_decisions__allocate_number()
returns trigger language plpgsql security definer set search_path = ''
as $$
begin
  if new.number is null then
    insert into architecture.decision_counters as c (tenant_id, last_number) values (new.tenant_id, 1)
    on conflict (tenant_id) do update set last_number = c.last_number + 1
    returning c.last_number into new.number;
    return new;
  end if;
  insert into architecture.decision_counters as c (tenant_id, last_number) values (new.tenant_id, new.number)
  on conflict (tenant_id) do update set last_number = greatest(c.last_number, excluded.last_number);
  if exists (
    select 1 from architecture.decisions as d where d.tenant_id = new.tenant_id and d.number = new.number
  ) then
    raise sqlstate 'PT409' using
      message = format('%s already exists in this tenant', architecture.decision_ref(new.number)),
      hint = 'leave the number out to get the next free one';
  end if;
  return new;
end;
$$;
revoke all on function architecture.tg_decisions__allocate_number() from public;

create trigger _050_allocate_number before insert on architecture.decisions
for each row execute function architecture.tg_decisions__allocate_number();
