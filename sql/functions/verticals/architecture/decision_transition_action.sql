-- sql/functions/verticals/architecture/decision_transition_action.sql — the action a status move needs. Layer: vertical.
-- Members may propose or withdraw their drafts; every other move is a decision (admins, owners).
create or replace function architecture.decision_transition_action(from_status text, to_status text)
returns text language sql immutable strict set search_path = ''
as $$
  select case
    when decision_transition_action.from_status = 'draft'
      and decision_transition_action.to_status in ('proposed', 'withdrawn') then 'architecture.decision.draft'
    else 'architecture.decision.decide'
  end;
$$;
grant execute on function architecture.decision_transition_action(text, text) to authenticated, sidecar;
