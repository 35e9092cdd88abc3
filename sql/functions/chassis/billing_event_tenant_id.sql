-- sql/functions/chassis/billing_event_tenant_id.sql — the tenant a provider object belongs to, or null.
-- Layer: chassis. metadata.tenant_id (on the object, or the subscription details of an invoice), else the tenant
-- already mapped to the object's customer. Unknown or malformed ids give null.
create function chassis.billing_event_tenant_id(provider text, obj jsonb)
returns uuid
language plpgsql stable
set search_path = ''
as $$
declare
  v_text text := coalesce(
    billing_event_tenant_id.obj #>> '{metadata,tenant_id}',
    billing_event_tenant_id.obj #>> '{subscription_details,metadata,tenant_id}',
    billing_event_tenant_id.obj #>> '{parent,subscription_details,metadata,tenant_id}'
  );
  v_tenant_id uuid;
begin
  if v_text ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then
    select t.id into v_tenant_id from chassis.tenants as t where t.id = v_text::uuid;
    return v_tenant_id;
  end if;
  if v_text is null then
    select c.tenant_id into v_tenant_id
    from chassis.billing_customers as c
    where c.provider = billing_event_tenant_id.provider
      and c.customer_id = coalesce(
        billing_event_tenant_id.obj ->> 'customer',
        case when billing_event_tenant_id.obj ->> 'object' = 'customer' then billing_event_tenant_id.obj ->> 'id' end
      );
  end if;
  return v_tenant_id;
end;
$$;
revoke all on function chassis.billing_event_tenant_id(text, jsonb) from public;
