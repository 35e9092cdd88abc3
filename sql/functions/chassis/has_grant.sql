-- sql/functions/chassis/has_grant.sql — was this resource shared with the caller for action? Layer: chassis.
-- True for a grant to the caller as a user (from any active tenant) or to the caller's role in the current tenant.
-- Unlike can(), ignores the role matrix, so it is safe across tenants in policies:
--   using ((tenant_id = (select chassis.current_tenant_id()) and (select chassis.can('x.doc.read')))
--          or chassis.has_grant('x.doc.read', 'x.doc', id))
create function chassis.has_grant(action text, resource_type text, resource_id uuid)
returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1
    from chassis.resource_grants as g
    inner join chassis.tenants as t on g.tenant_id = t.id and t.status = 'active'
    where g.action = has_grant.action
      and g.resource_type = has_grant.resource_type
      and g.resource_id = has_grant.resource_id
      and (
        g.grantee_user_id = chassis.current_user_id()
        or (g.grantee_role = chassis.current_tenant_role() and g.tenant_id = chassis.current_tenant_id())
      )
  );
$$;
grant execute on function chassis.has_grant(text, text, uuid) to anon, authenticated, sidecar, operator;
