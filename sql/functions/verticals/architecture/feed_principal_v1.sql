-- sql/functions/verticals/architecture/feed_principal_v1.sql — whom the feed worker acts as when it hands a
-- tenant's new or edited feed articles to the engine. Layer: vertical. Sidecar only.
-- Feeds are fetched once for every tenant, so no request carries a tenant's principal; the worker borrows the
-- subscriber who created the subscription while that user is still an active member allowed to create captures,
-- else the tenant's longest-standing active owner. Returns the job-principal shape the worker's as_principal()
-- takes ({tenant_id, user_id, role, claims}), or null when the tenant has no one (or is not active).
create function architecture.feed_principal_v1(tenant_id uuid, feed_id uuid)
returns jsonb
language sql stable security definer
set search_path = ''
as $$
  select jsonb_build_object(
    'tenant_id', m.tenant_id, 'user_id', u.id, 'role', 'authenticated',
    'claims', jsonb_build_object(
      'role', 'authenticated', 'iss', u.issuer, 'sub', u.subject, 'aud', 'stance', 'tenant_id', m.tenant_id
    )
  )
  from chassis.memberships as m
  join chassis.users as u on u.id = m.user_id
  join chassis.tenants as t on t.id = m.tenant_id
  left join architecture.feed_subscriptions as s
    on s.tenant_id = m.tenant_id and s.feed_id = feed_principal_v1.feed_id and s.created_by = m.user_id
  where m.tenant_id = feed_principal_v1.tenant_id and u.status = 'active' and t.status = 'active'
    and m.role in ('owner', 'admin', 'member')
    and (s.id is not null or m.role = 'owner')
  order by s.id is null, m.created_at
  limit 1;
$$;
revoke all on function architecture.feed_principal_v1(uuid, uuid) from public;
grant execute on function architecture.feed_principal_v1(uuid, uuid) to sidecar;
