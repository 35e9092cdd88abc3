-- sql/ops.sql — manifest of the operator console: the ops schema, rebuilt on every load (views and functions only).
-- Layer: chassis. Usable after `set role operator` in psql; every question is one select, every action a function
-- that demands a reason and leaves an audit row.
\ir ops/00_schema.sql
\ir ops/begin_action.sql
\ir ops/tenant_id_of.sql
\ir ops/job_audit.sql
\ir ops/tenants.sql
\ir ops/queues.sql
\ir ops/failed_jobs.sql
\ir ops/stalled_jobs.sql
\ir ops/breakers.sql
\ir ops/audit.sql
\ir ops/audit_chain.sql
\ir ops/webhook_health.sql
\ir ops/billing_events.sql
\ir ops/email_health.sql
\ir ops/suspend_tenant.sql
\ir ops/reactivate_tenant.sql
\ir ops/retry_job.sql
\ir ops/cancel_job.sql
\ir ops/trip_breaker.sql
\ir ops/reset_breaker.sql
\ir ops/rederive_kind.sql
