-- sql/functions/verticals/architecture/assert_can_edit_decision.sql — clear errors before an edit. Layer: vertical.
create or replace function architecture.assert_can_edit_decision(number int, status text)
returns void language plpgsql stable set search_path = ''
as $$
#variable_conflict use_column
begin
  if assert_can_edit_decision.status in ('rejected', 'withdrawn', 'deprecated', 'superseded') then
    raise sqlstate 'PT422' using
      message = format(
        '%s is %s and can no longer be edited', architecture.decision_ref(assert_can_edit_decision.number),
        assert_can_edit_decision.status
      ),
      hint = 'create a new record that relates_to (or supersedes) this one';
  end if;
  if not architecture.can_edit_decision(assert_can_edit_decision.status) then
    raise sqlstate 'PT403' using
      message = format(
        'editing a %s record needs the %s action', assert_can_edit_decision.status,
        case when assert_can_edit_decision.status = 'draft' then 'architecture.decision.draft'
          else 'architecture.decision.decide' end
      ),
      hint = case when assert_can_edit_decision.status = 'draft' then 'members, admins and owners may edit drafts'
        else 'only admins and owners may edit proposed or accepted records' end;
  end if;
end;
$$;
grant execute on function architecture.assert_can_edit_decision(int, text) to authenticated, sidecar;
