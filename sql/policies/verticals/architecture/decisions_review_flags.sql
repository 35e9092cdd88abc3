-- sql/policies/verticals/architecture/decisions_review_flags.sql — ADR review flags. Layer: vertical.
-- Flags are raised by architecture.flag_decisions_for_pattern_warning() (definer); users only read and resolve.
create policy select_member on architecture.decision_review_flags for select to authenticated
using (tenant_id = (select chassis.current_tenant_id()) and (select chassis.can('architecture.decision.read')));
comment on policy select_member on architecture.decision_review_flags is 'Readers of the tenant''s ADRs see their flags.';

create policy update_reviewer on architecture.decision_review_flags for update to authenticated
using (tenant_id = (select chassis.current_tenant_id()) and (select chassis.can('architecture.decision.review')))
with check (tenant_id = (select chassis.current_tenant_id()));
comment on policy update_reviewer on architecture.decision_review_flags is 'Admins and owners resolve or dismiss flags.';
