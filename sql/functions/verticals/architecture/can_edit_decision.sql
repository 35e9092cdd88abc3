-- sql/functions/verticals/architecture/can_edit_decision.sql — may the caller edit a record in this status. Layer: vertical.
-- Drafts: members and up. Proposed and accepted (logged clarifications): admins and owners. Closed records: nobody.
create or replace function architecture.can_edit_decision(status text)
returns boolean language sql stable set search_path = ''
as $$
  select case
    when can_edit_decision.status = 'draft' then chassis.can('architecture.decision.draft')
    when can_edit_decision.status in ('proposed', 'accepted') then chassis.can('architecture.decision.decide')
    else false
  end;
$$;
grant execute on function architecture.can_edit_decision(text) to authenticated, sidecar;
