-- sql/policies/chassis/webhooks.sql — RLS for event types, endpoints, deliveries and attempts; the manage action.
-- Layer: chassis. Members read their tenants' webhook state; only definer functions write; operators bypass RLS.
select chassis.register_action('chassis.webhooks.manage', array['owner', 'admin']);

create policy select_all on chassis.webhook_event_types for select to authenticated, sidecar using (true);
comment on policy select_all on chassis.webhook_event_types is 'Every signed-in caller can read the event types.';

create policy select_member on chassis.webhook_endpoints for select to authenticated
using (tenant_id in (select chassis.current_tenant_ids()));
comment on policy select_member on chassis.webhook_endpoints is 'Members can read their tenants'' endpoints.';

create policy select_member on chassis.webhook_deliveries for select to authenticated
using (tenant_id in (select chassis.current_tenant_ids()));
comment on policy select_member on chassis.webhook_deliveries is 'Members can read their tenants'' deliveries.';

create policy select_member on chassis.webhook_attempts for select to authenticated
using (tenant_id in (select chassis.current_tenant_ids()));
comment on policy select_member on chassis.webhook_attempts is 'Members can read their tenants'' delivery attempts.';
