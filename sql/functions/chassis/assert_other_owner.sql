-- sql/functions/chassis/assert_other_owner.sql — PT409 unless the tenant keeps an owner besides user_id.
-- Layer: chassis. Locks the tenant row so concurrent demotions serialize. Not granted (membership RPCs only).
create function chassis.assert_other_owner(tenant_id uuid, user_id uuid)
returns void
language plpgsql volatile security definer
set search_path = ''
as $$
begin
  perform 1 from chassis.tenants as t where t.id = assert_other_owner.tenant_id for update;
  if not exists (
    select 1 from chassis.memberships as m
    where m.tenant_id = assert_other_owner.tenant_id and m.role = 'owner' and m.user_id <> assert_other_owner.user_id
  ) then
    raise sqlstate 'PT409' using message = 'a tenant must keep at least one owner';
  end if;
end;
$$;
revoke all on function chassis.assert_other_owner(uuid, uuid) from public;
