-- sql/policies/verticals/architecture/decisions_options.sql — who reads and writes considered options. Layer: vertical.
create policy select_member on architecture.decision_options for select to authenticated
using (tenant_id = (select chassis.current_tenant_id()) and (select chassis.can('architecture.decision.read')));
comment on policy select_member on architecture.decision_options is 'Readers of the tenant''s ADRs read their options.';

create policy insert_editor on architecture.decision_options for insert to authenticated
with check (
  tenant_id = (select chassis.current_tenant_id())
  and exists (
    select 1 from architecture.decisions as d
    where d.id = decision_id and architecture.can_edit_decision(d.status)
  )
);
comment on policy insert_editor on architecture.decision_options is 'Whoever may edit the record may add options.';

create policy update_editor on architecture.decision_options for update to authenticated
using (
  tenant_id = (select chassis.current_tenant_id())
  and exists (
    select 1 from architecture.decisions as d
    where d.id = decision_id and architecture.can_edit_decision(d.status)
  )
);
comment on policy update_editor on architecture.decision_options is 'Whoever may edit the record may change options.';

create policy delete_editor on architecture.decision_options for delete to authenticated
using (
  tenant_id = (select chassis.current_tenant_id())
  and exists (
    select 1 from architecture.decisions as d
    where d.id = decision_id and architecture.can_edit_decision(d.status)
  )
);
comment on policy delete_editor on architecture.decision_options is 'Whoever may edit the record may drop options.';
