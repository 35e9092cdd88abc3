-- sql/policies/chassis/billing.sql — RLS for plans, subscriptions, customers, invoices, the event ledger.
-- Layer: chassis. Plans are a public catalogue to signed-in callers; billing state is readable by the tenant's
-- members; only definer functions write; operators bypass RLS. Owners hold chassis.billing.manage (plan changes).
select chassis.register_action('chassis.billing.manage', array['owner']);
create policy select_all on chassis.plans for select to authenticated, sidecar using (true);
comment on policy select_all on chassis.plans is 'Every signed-in caller can read the plan catalogue.';
create policy select_all on chassis.plan_limits for select to authenticated, sidecar using (true);
comment on policy select_all on chassis.plan_limits is 'Every signed-in caller can read the limits of each plan.';

create policy select_member on chassis.subscriptions for select to authenticated
using (tenant_id in (select chassis.current_tenant_ids()));
comment on policy select_member on chassis.subscriptions is 'Members can read their tenants'' subscription.';

create policy select_member on chassis.billing_customers for select to authenticated
using (tenant_id in (select chassis.current_tenant_ids()));
comment on policy select_member on chassis.billing_customers is 'Members can read their tenants'' customer record.';

create policy select_member on chassis.billing_invoices for select to authenticated
using (tenant_id in (select chassis.current_tenant_ids()));
comment on policy select_member on chassis.billing_invoices is 'Members can read their tenants'' invoices.';

