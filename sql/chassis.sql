-- sql/chassis.sql — manifest of the chassis layer (identity, tenancy, authorization, audit, billing, jobs).
-- Order: schemas → functions → policies. Layer: chassis. Must not reference engine or verticals.
\ir schemas/chassis/00_schema.sql
\ir schemas/chassis/10_users.sql
\ir schemas/chassis/20_tenants.sql
\ir schemas/chassis/30_memberships.sql
\ir schemas/chassis/40_invitations.sql
\ir schemas/chassis/50_authz.sql
\ir schemas/chassis/60_audit_log.sql

-- Request context: getters, envelope, pre_request.
\ir functions/chassis/current_user_id.sql
\ir functions/chassis/current_tenant_id.sql
\ir functions/chassis/current_tenant_role.sql
\ir functions/chassis/current_tenant_ids.sql
\ir functions/chassis/current_tenant_member_ids.sql
\ir functions/chassis/envelope.sql
\ir functions/chassis/require_envelope.sql
\ir functions/chassis/require_user.sql
\ir functions/chassis/require_tenant.sql
\ir functions/chassis/set_envelope.sql
\ir functions/chassis/pre_request.sql
-- Authorization.
\ir functions/chassis/has_grant.sql
\ir functions/chassis/can.sql
\ir functions/chassis/register_action.sql
-- Audit and optimistic concurrency.
\ir functions/chassis/audit_digest.sql
\ir functions/chassis/audit_append.sql
\ir functions/chassis/operator_session.sql
\ir functions/chassis/tg__audit.sql
\ir functions/chassis/tg__audit_log_append_only.sql
\ir functions/chassis/enable_audit.sql
\ir functions/chassis/verify_audit_chain.sql
\ir functions/chassis/tg__version.sql
\ir functions/chassis/enable_versioning.sql
-- Tenancy commands (behind the api wrappers).
\ir functions/chassis/create_tenant.sql
\ir functions/chassis/provision_user.sql
\ir functions/chassis/sign_in.sql
\ir functions/chassis/create_team.sql
\ir functions/chassis/invite.sql
\ir functions/chassis/open_invitation.sql
\ir functions/chassis/accept_invitation.sql
\ir functions/chassis/decline_invitation.sql
\ir functions/chassis/revoke_invitation.sql
\ir functions/chassis/assert_other_owner.sql
\ir functions/chassis/change_member_role.sql
\ir functions/chassis/remove_member.sql
\ir functions/chassis/leave_tenant.sql

\ir policies/chassis/actions.sql
\ir policies/chassis/users.sql
\ir policies/chassis/tenants.sql
\ir policies/chassis/memberships.sql
\ir policies/chassis/invitations.sql
\ir policies/chassis/authz.sql
\ir policies/chassis/audit_log.sql

-- Later chassis concerns (jobs, billing, webhooks, outbox) append their lines below, in the same order.
-- Chassis edges: metering, billing, outbox, webhooks, email.
\ir schemas/chassis/usage_counters.sql
\ir schemas/chassis/billing_plans.sql
\ir schemas/chassis/billing_subscriptions.sql
\ir schemas/chassis/billing_invoices.sql
\ir schemas/chassis/billing_events.sql
\ir schemas/chassis/usage_counts.sql
\ir schemas/chassis/webhooks_event_types.sql
\ir schemas/chassis/outbox_events.sql
\ir schemas/chassis/webhooks_endpoints.sql
\ir schemas/chassis/webhooks_deliveries.sql
\ir schemas/chassis/email_messages.sql
\ir functions/chassis/register_counter.sql
\ir functions/chassis/register_plan.sql
\ir functions/chassis/set_plan_limit.sql
\ir functions/chassis/tenant_plan_id.sql
\ir functions/chassis/usage_period_start.sql
\ir functions/chassis/usage_period_end.sql
\ir functions/chassis/meter.sql
\ir functions/chassis/billing_event_tenant_id.sql
\ir functions/chassis/billing_apply_event_v1.sql
\ir functions/chassis/register_event_type.sql
\ir functions/chassis/emit_event.sql
\ir functions/chassis/outbox_require_worker.sql
\ir functions/chassis/webhook_delivery_start_v1.sql
\ir functions/chassis/webhook_delivery_finish_v1.sql
\ir functions/chassis/create_webhook_endpoint.sql
\ir functions/chassis/set_webhook_endpoint_enabled.sql
\ir functions/chassis/delete_webhook_endpoint.sql
\ir functions/chassis/replay_webhook_delivery.sql
\ir functions/chassis/send_email.sql
\ir functions/chassis/email_message_start_v1.sql
\ir functions/chassis/email_message_finish_v1.sql
\ir functions/chassis/tg_invitations__send_email.sql
\ir policies/chassis/billing.sql
\ir policies/chassis/usage.sql
\ir policies/chassis/webhooks.sql
-- Jobs (procrastinate in schema procrastinate, principal-stamped enqueue, allow-list) and sidecar idempotency keys.
\ir schemas/chassis/jobs_queue.sql
\ir schemas/chassis/jobs_tasks.sql
\ir schemas/chassis/idempotency_keys.sql
\ir functions/chassis/register_task.sql
\ir functions/chassis/enqueue_job.sql
\ir functions/chassis/tenant_jobs.sql
\ir functions/chassis/cancel_job.sql
\ir policies/chassis/jobs.sql
-- Chassis edges that need jobs: task registrations, invitation email.
\ir policies/chassis/webhooks_jobs.sql
\ir policies/chassis/email.sql
\ir schemas/chassis/ops_job_errors.sql
\ir functions/chassis/record_job_error_v1.sql
\ir functions/chassis/queue_stats_v1.sql
