-- sql/policies/chassis/jobs.sql — jobs and idempotency keys: who may cancel, and tenant-scoped key rows.
-- Layer: chassis. The queue tables are reachable only through definer functions (see jobs_queue.sql).
select chassis.register_action('chassis.jobs.cancel', array['owner', 'admin']);

create policy tenant_rows on chassis.idempotency_keys for all to authenticated
using (tenant_id = (select chassis.current_tenant_id()))
with check (tenant_id = (select chassis.current_tenant_id()) and user_id = (select chassis.current_user_id()));
comment on policy tenant_rows on chassis.idempotency_keys is 'A tenant''s members share its idempotency keys.';
