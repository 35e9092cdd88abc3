-- sql/api/verticals/architecture/architecture_decision_transition.sql — move an ADR along its lifecycle.
-- Layer: vertical. Refused moves name from, to and the allowed targets (PT422); missing rights give PT403; a stale
-- version gives PT409. The reason lands in the status history.
create or replace function api.architecture_decision_transition(
  id uuid, status text, reason text default null, version int default null
)
returns api.architecture_decisions language plpgsql volatile set search_path = ''
as $$
#variable_conflict use_column
declare
  v_record architecture.decisions;
  v_action text;
  v_result api.architecture_decisions;
begin
  select * into v_record from architecture.decisions as d where d.id = architecture_decision_transition.id;
  if not found then
    raise sqlstate 'PT404' using message = 'decision record not found';
  end if;
  perform architecture.check_decision_transition(v_record.number, v_record.status, architecture_decision_transition.status);
  v_action := architecture.decision_transition_action(v_record.status, architecture_decision_transition.status);
  if not chassis.can(v_action) then
    raise sqlstate 'PT403' using
      message = format('moving %s from %s to %s needs the %s action', architecture.decision_ref(v_record.number),
        v_record.status, architecture_decision_transition.status, v_action),
      hint = case when v_action = 'architecture.decision.decide' then 'only admins and owners decide'
        else 'members, admins and owners may propose or withdraw drafts' end;
  end if;
  perform set_config('architecture.status_reason', coalesce(architecture_decision_transition.reason, ''), true);
  update architecture.decisions as d set
    status = architecture_decision_transition.status,
    updated_at = now(),
    version = coalesce(architecture_decision_transition.version, d.version)
  where d.id = v_record.id;
  perform set_config('architecture.status_reason', '', true);
  select * into v_result from api.architecture_decisions as d where d.id = v_record.id;
  return v_result;
end;
$$;
grant execute on function api.architecture_decision_transition(uuid, text, text, int) to authenticated;
