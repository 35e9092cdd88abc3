-- sql/functions/chassis/register_action.sql — declare an action and the tenant roles that hold it. Layer: chassis.
-- Idempotent; replaces the role list. Usage (at load, as app_owner):
--   select chassis.register_action('engine.capture.create', array['owner', 'admin', 'member']);
create function chassis.register_action(action text, roles text[])
returns void
language plpgsql volatile
set search_path = ''
as $$
declare
  v_bad text;
begin
  select r into v_bad
  from pg_catalog.unnest(register_action.roles) as r
  where r is null or r not in ('owner', 'admin', 'member', 'viewer')
  limit 1;
  if found then
    raise sqlstate '22023' using message = pg_catalog.format('unknown tenant role %s', coalesce(v_bad, 'null'));
  end if;
  insert into chassis.actions (action) values (register_action.action) on conflict do nothing;
  delete from chassis.role_actions as ra
  where ra.action = register_action.action and ra.role <> all (register_action.roles);
  insert into chassis.role_actions (action, role)
  select register_action.action, r from pg_catalog.unnest(register_action.roles) as r
  on conflict do nothing;
end;
$$;
revoke all on function chassis.register_action(text, text[]) from public;
