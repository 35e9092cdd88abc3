-- sql/functions/verticals/architecture/check_decision_transition.sql — refuse a move off the lifecycle. Layer: vertical.
create or replace function architecture.check_decision_transition(number int, from_status text, to_status text)
returns void language plpgsql stable set search_path = ''
as $$
#variable_conflict use_column
declare
  v_allowed text [] := architecture.decision_next_statuses(check_decision_transition.from_status);
begin
  if check_decision_transition.to_status not in (
    'draft', 'proposed', 'accepted', 'rejected', 'withdrawn', 'deprecated', 'superseded'
  ) then
    raise sqlstate 'PT400' using
      message = format('unknown status "%s"', check_decision_transition.to_status),
      hint = 'statuses: draft, proposed, accepted, rejected, withdrawn, deprecated, superseded';
  end if;
  if not (check_decision_transition.to_status = any(v_allowed)) then
    raise sqlstate 'PT422' using
      message = format(
        '%s cannot move from %s to %s', architecture.decision_ref(check_decision_transition.number),
        check_decision_transition.from_status, check_decision_transition.to_status
      ),
      detail = format(
        'allowed from %s: %s', check_decision_transition.from_status,
        coalesce(nullif(array_to_string(v_allowed, ', '), ''), 'none (terminal status)')
      ),
      hint = case
        when cardinality(v_allowed) = 0 then 'create a new record that relates_to this one'
        else 'the lifecycle is draft → proposed → accepted | rejected | withdrawn, accepted → deprecated | superseded'
      end;
  end if;
end;
$$;
grant execute on function architecture.check_decision_transition(int, text, text) to authenticated, sidecar;
