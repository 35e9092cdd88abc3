-- sql/policies/verticals/architecture/decisions_links.sql — who reads and writes ADR links. Layer: vertical.
create policy select_member on architecture.decision_links for select to authenticated
using (tenant_id = (select chassis.current_tenant_id()) and (select chassis.can('architecture.decision.read')));
comment on policy select_member on architecture.decision_links is 'Readers of the tenant''s ADRs read their links.';

create policy insert_editor on architecture.decision_links for insert to authenticated
with check (
  tenant_id = (select chassis.current_tenant_id())
  and created_by = (select chassis.current_user_id())
  and exists (
    select 1 from architecture.decisions as d
    where d.id = decision_id and architecture.can_edit_decision(d.status)
  )
);
comment on policy insert_editor on architecture.decision_links is 'Whoever may edit the source record may link it.';

create policy delete_editor on architecture.decision_links for delete to authenticated
using (
  tenant_id = (select chassis.current_tenant_id())
  and exists (
    select 1 from architecture.decisions as d
    where d.id = decision_id and architecture.can_edit_decision(d.status)
      and not (kind = 'supersedes' and d.status = 'accepted')
  )
);
comment on policy delete_editor on architecture.decision_links is
'Whoever may edit the source record may unlink it, except a supersession that already took effect.';
