-- sql/api/verticals/architecture/architecture_advisor_questions.sql — the advisor questionnaire. Layer: vertical.
create view api.architecture_advisor_questions with (security_invoker = true) as
select q.key, q.ord, q.kind, q.choices, q.min_value, q.max_value, q.axis, q.prompt
from architecture.advisor_questions as q;
comment on view api.architecture_advisor_questions is 'Questions architecture_advise expects, with their types.';
grant select on api.architecture_advisor_questions to authenticated;
