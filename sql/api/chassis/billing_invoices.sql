-- sql/api/chassis/billing_invoices.sql — invoices of the caller's tenants, as mirrored from the provider.
-- Layer: chassis.
create view api.billing_invoices with (security_invoker = true) as
select i.tenant_id, i.invoice_id, i.status, i.currency, i.amount_due, i.amount_paid, i.hosted_invoice_url,
  i.updated_at
from chassis.billing_invoices as i;
grant select on api.billing_invoices to authenticated;
