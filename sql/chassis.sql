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
