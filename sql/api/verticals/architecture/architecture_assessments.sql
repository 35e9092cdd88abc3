-- sql/api/verticals/architecture/architecture_assessments.sql — the tenant's advisor runs, newest first by
-- created_at. Layer: vertical.
create view api.architecture_assessments with (security_invoker = true) as
select a.id, a.label, a.ruleset, a.flavour, a.answers, a.result, a.created_by, a.created_at
from architecture.advisor_assessments as a;
comment on view api.architecture_assessments is 'Saved advisor assessments of the current tenant (history).';
grant select on api.architecture_assessments to authenticated;
