-- sql/api/verticals/architecture/architecture_advisor_rules.sql — the advisor's rule set, readable. Layer: vertical.
create view api.architecture_advisor_rules with (security_invoker = true) as
select
  r.id, r.ruleset, r.ord, r.source, r.condition, r.flavour, r.flavour_precedence, r.stop, r.mechanisms, r.reason,
  r.pattern_boosts
from architecture.advisor_rules as r;
comment on view api.architecture_advisor_rules is 'Rules (conditions over answers → flavour, mechanisms, boosts).';
grant select on api.architecture_advisor_rules to authenticated;
