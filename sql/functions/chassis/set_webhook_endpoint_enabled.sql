-- sql/functions/chassis/set_webhook_endpoint_enabled.sql — pause or resume an endpoint of the current tenant.
-- Layer: chassis. Holders of chassis.webhooks.manage only; a paused endpoint gets no new deliveries.
create function chassis.set_webhook_endpoint_enabled(endpoint_id uuid, enabled boolean)
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
  update chassis.webhook_endpoints as e set enabled = coalesce(set_webhook_endpoint_enabled.enabled, false)
  where e.id = set_webhook_endpoint_enabled.endpoint_id and e.tenant_id = v_tenant_id;
  if not found then
    raise sqlstate 'PT404' using message = 'webhook endpoint not found';
  end if;
end;
$$;
grant execute on function chassis.set_webhook_endpoint_enabled(uuid, boolean) to authenticated;
