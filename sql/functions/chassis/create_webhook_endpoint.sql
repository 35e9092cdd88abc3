-- sql/functions/chassis/create_webhook_endpoint.sql — register an outbound webhook endpoint for the current tenant.
-- Layer: chassis. Holders of chassis.webhooks.manage only. Returns {id, secret}: the secret is shown this once.
-- The SSRF guard runs at delivery (DNS can change); here only the shape of the URL and the event types are checked.
create function chassis.create_webhook_endpoint(url text, event_types text[], description text default null)
returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_tenant_id uuid := chassis.require_tenant();
  v_secret text := 'whsec_' || pg_catalog.encode(extensions.gen_random_bytes(32), 'base64');
  v_unknown text;
  v_id uuid;
begin
  if not chassis.can('chassis.webhooks.manage') then
    raise sqlstate 'PT403' using message = 'only owners and admins can manage webhook endpoints';
  end if;
  if create_webhook_endpoint.url is null or create_webhook_endpoint.url !~ '^https?://[^\s/]+' then
    raise sqlstate 'PT422' using message = 'webhook url must be an absolute http(s) url';
  end if;
  if coalesce(cardinality(create_webhook_endpoint.event_types), 0) = 0 then
    raise sqlstate 'PT422' using message = 'subscribe the endpoint to at least one event type';
  end if;
  select t into v_unknown from pg_catalog.unnest(create_webhook_endpoint.event_types) as t
  where not exists (select 1 from chassis.webhook_event_types as w where w.event_type = t)
  limit 1;
  if found then
    raise sqlstate 'PT422' using message = format('unknown event type %s', coalesce(v_unknown, 'null'));
  end if;
  insert into chassis.webhook_endpoints (tenant_id, url, description, event_types, secret, created_by)
  values (
    v_tenant_id, create_webhook_endpoint.url, create_webhook_endpoint.description,
    create_webhook_endpoint.event_types, v_secret, chassis.current_user_id()
  )
  returning id into v_id;
  return pg_catalog.jsonb_build_object('id', v_id, 'secret', v_secret);
end;
$$;
grant execute on function chassis.create_webhook_endpoint(text, text[], text) to authenticated;
