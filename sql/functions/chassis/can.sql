-- sql/functions/chassis/can.sql — may the caller perform action (on one resource)? Layer: chassis.
-- True when the caller's role in the current tenant holds the action (chassis.role_actions), or when the resource
-- was shared with the caller (chassis.has_grant). The role part is relative to the current tenant: pair it with
-- tenant_id = (select chassis.current_tenant_id()); use has_grant() alone for cross-tenant sharing in policies.
-- Unknown actions raise 22023 so a typo cannot silently deny or allow. In policies: (select chassis.can('x.y.z')).
create function chassis.can(action text, resource_type text default null, resource_id uuid default null)
returns boolean
language plpgsql stable security definer
set search_path = ''
as $$
declare
  v_user_id uuid := chassis.current_user_id();
  v_role text := chassis.current_tenant_role();
begin
  if not exists (select 1 from chassis.actions as a where a.action = can.action) then
    raise sqlstate '22023' using
      message = pg_catalog.format('unknown action %s', can.action),
      hint = 'register it with chassis.register_action()';
  end if;
  if v_user_id is null then
    return false;
  end if;
  return exists (
    select 1 from chassis.role_actions as ra where ra.action = can.action and ra.role = v_role
  ) or (
    can.resource_id is not null and chassis.has_grant(can.action, can.resource_type, can.resource_id)
  );
end;
$$;
grant execute on function chassis.can(text, text, uuid) to anon, authenticated, sidecar, operator;
