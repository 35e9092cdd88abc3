-- sql/policies/verticals/architecture/decisions_status_history.sql — reading ADR status history. Layer: vertical.
-- No write policies: rows come only from the security-definer status trigger.
create policy select_member on architecture.decision_status_history for select to authenticated
using (tenant_id = (select chassis.current_tenant_id()) and (select chassis.can('architecture.decision.read')));
comment on policy select_member on architecture.decision_status_history is
'Readers of the tenant''s ADRs read who moved them and why.';
