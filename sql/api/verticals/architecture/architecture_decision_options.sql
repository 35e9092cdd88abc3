-- sql/api/verticals/architecture/architecture_decision_options.sql — considered options of ADRs. Layer: vertical.
create view api.architecture_decision_options with (security_invoker = true) as
select
  o.id,
  o.decision_id,
  o.ord,
  o.title,
  o.description,
  o.pros,
  o.neutral,
  o.cons,
  (d.outcome_option_id is not distinct from o.id) as chosen
from architecture.decision_options as o
join architecture.decisions as d on o.decision_id = d.id;
comment on view api.architecture_decision_options is 'Considered options with pros, neutral points, cons and the choice.';
grant select on api.architecture_decision_options to authenticated;
