-- sql/policies/chassis/usage.sql — RLS for counters and usage. Layer: chassis. Only chassis.meter() writes usage.
create policy select_all on chassis.counters for select to authenticated, sidecar using (true);
comment on policy select_all on chassis.counters is 'Every signed-in caller can read which counters exist.';

create policy select_member on chassis.usage_counts for select to authenticated
using (tenant_id in (select chassis.current_tenant_ids()));
comment on policy select_member on chassis.usage_counts is 'Members can read their tenants'' usage.';

