-- sql/policies/verticals/architecture/advisor.sql — the questionnaire and rules are readable by every signed-in
-- user; assessments belong to a tenant. Layer: vertical.
create policy select_signed_in on architecture.advisor_questions for select to authenticated
using ((select chassis.current_user_id()) is not null);
comment on policy select_signed_in on architecture.advisor_questions is 'Signed-in users read the questionnaire.';
create policy select_signed_in on architecture.advisor_rules for select to authenticated
using ((select chassis.current_user_id()) is not null);
comment on policy select_signed_in on architecture.advisor_rules is 'Signed-in users read the rule set.';
create policy select_signed_in on architecture.advisor_flavours for select to authenticated
using ((select chassis.current_user_id()) is not null);
comment on policy select_signed_in on architecture.advisor_flavours is 'Signed-in users read the flavours.';

create policy select_member on architecture.advisor_assessments for select to authenticated
using (tenant_id = (select chassis.current_tenant_id()) and (select chassis.can('architecture.catalog.read')));
comment on policy select_member on architecture.advisor_assessments is 'Members read their tenant''s assessments.';
create policy insert_runner on architecture.advisor_assessments for insert to authenticated
with check (
  tenant_id = (select chassis.current_tenant_id()) and (select chassis.can('architecture.advisor.run'))
  and created_by = (select chassis.current_user_id())
);
comment on policy insert_runner on architecture.advisor_assessments is 'Owners, admins and members save assessments.';
