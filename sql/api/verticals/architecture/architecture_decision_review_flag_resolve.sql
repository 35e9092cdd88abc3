-- sql/api/verticals/architecture/architecture_decision_review_flag_resolve.sql — close a review flag.
-- Layer: vertical. state is resolved (the record was re-checked) or dismissed (the warning does not apply).
create or replace function api.architecture_decision_review_flag_resolve(id uuid, state text, note text default null)
returns api.architecture_decision_review_flags language plpgsql volatile set search_path = ''
as $$
#variable_conflict use_column
declare
  v_result api.architecture_decision_review_flags;
begin
  if architecture_decision_review_flag_resolve.state is null
    or architecture_decision_review_flag_resolve.state not in ('resolved', 'dismissed') then
    raise sqlstate 'PT400' using message = 'state must be resolved or dismissed';
  end if;
  if not exists (
    select 1 from architecture.decision_review_flags as f where f.id = architecture_decision_review_flag_resolve.id
  ) then
    raise sqlstate 'PT404' using message = 'review flag not found';
  end if;
  if not chassis.can('architecture.decision.review') then
    raise sqlstate 'PT403' using
      message = 'resolving a review flag needs the architecture.decision.review action',
      hint = 'only admins and owners resolve review flags';
  end if;
  update architecture.decision_review_flags as f set
    state = architecture_decision_review_flag_resolve.state,
    resolution_note = architecture_decision_review_flag_resolve.note,
    resolved_by = chassis.current_user_id(),
    resolved_at = now()
  where f.id = architecture_decision_review_flag_resolve.id and f.state = 'open';
  if not found then
    raise sqlstate 'PT409' using message = 'review flag is already closed';
  end if;
  select * into v_result from api.architecture_decision_review_flags as f
  where f.id = architecture_decision_review_flag_resolve.id;
  return v_result;
end;
$$;
grant execute on function api.architecture_decision_review_flag_resolve(uuid, text, text) to authenticated;
