-- sql/functions/chassis/delete_webhook_endpoint.sql — remove an endpoint of the current tenant with its deliveries.
-- Layer: chassis. Holders of chassis.webhooks.manage only.
create function chassis.delete_webhook_endpoint(endpoint_id uuid)
returns void
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_tenant_id uuid := chassis.require_tenant();
begin
  if not chassis.can('chassis.webhooks.manage') then
    raise sqlstate 'PT403' using message = 'only owners and admins can manage webhook endpoints';
  end if;
  delete from chassis.webhook_endpoints as e
  where e.id = delete_webhook_endpoint.endpoint_id and e.tenant_id = v_tenant_id;
  if not found then
    raise sqlstate 'PT404' using message = 'webhook endpoint not found';
  end if;
end;
$$;
grant execute on function chassis.delete_webhook_endpoint(uuid) to authenticated;
