-- sql/api/verticals/architecture/architecture_decision_history.sql — ADR status history. Layer: vertical.
create view api.architecture_decision_history with (security_invoker = true) as
select
  h.id,
  h.decision_id,
  h.from_status,
  h.to_status,
  h.actor_id,
  h.reason,
  h.request_id,
  h.at
from architecture.decision_status_history as h;
comment on view api.architecture_decision_history is 'Append-only status moves: who, when, from, to and why.';
grant select on api.architecture_decision_history to authenticated;
