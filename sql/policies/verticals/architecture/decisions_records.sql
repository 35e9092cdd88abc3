-- sql/policies/verticals/architecture/decisions_records.sql — who reads and writes ADRs. Layer: vertical.
create policy select_member on architecture.decisions for select to authenticated
using (tenant_id = (select chassis.current_tenant_id()) and (select chassis.can('architecture.decision.read')));
comment on policy select_member on architecture.decisions is 'Every member of the tenant, viewers included, reads its ADRs.';

create policy insert_member on architecture.decisions for insert to authenticated
with check (
  tenant_id = (select chassis.current_tenant_id())
  and (
    (status = 'draft' and (select chassis.can('architecture.decision.draft')))
    or (select chassis.can('architecture.decision.decide'))
  )
);
comment on policy insert_member on architecture.decisions is
'Members create drafts; admins and owners may also import records in any status.';

create policy update_member on architecture.decisions for update to authenticated
using (tenant_id = (select chassis.current_tenant_id()) and architecture.can_edit_decision(status))
with check (
  tenant_id = (select chassis.current_tenant_id())
  and (
    (select chassis.can('architecture.decision.decide'))
    or (status in ('draft', 'proposed', 'withdrawn') and (select chassis.can('architecture.decision.draft')))
  )
);
comment on policy update_member on architecture.decisions is
'Members edit, propose or withdraw drafts; admins and owners edit proposed/accepted records and decide.';
