-- sql/api/verticals/architecture/architecture_advise.sql — the advisor: validate a team's answers (PT400 naming
-- every unknown, missing or invalid answer), evaluate the rule set, save the run as a tenant assessment and return
-- the recommendation. Layer: vertical. Deterministic: the same answers and rules give the same result. Each valid
-- run counts against the plan's `architecture.advisor.runs` (PT402 past the limit; the refused run is not saved).
create function api.architecture_advise(answers jsonb, label text default '')
returns jsonb
language plpgsql volatile
set search_path = ''
as $$
declare
  v_tenant_id uuid := chassis.require_tenant();
  v_problems text [] := architecture.advisor_answer_problems(architecture_advise.answers);
  v_result jsonb;
  v_id uuid;
begin
  if not chassis.can('architecture.advisor.run') then
    raise sqlstate 'PT403' using message = 'viewers cannot run the advisor';
  end if;
  if v_problems <> '{}' then
    raise sqlstate 'PT400' using
      message = pg_catalog.format('invalid advisor answers: %s', pg_catalog.array_to_string(v_problems, '; ')),
      detail = pg_catalog.array_to_json(v_problems)::text,
      hint = 'see api.architecture_advisor_questions for every key, its type and allowed values';
  end if;
  perform chassis.meter('architecture.advisor.runs');
  v_result := architecture.advisor_evaluate(architecture_advise.answers);
  insert into architecture.advisor_assessments (tenant_id, label, ruleset, answers, result, flavour)
  values (v_tenant_id, coalesce(architecture_advise.label, ''), v_result ->> 'ruleset', architecture_advise.answers,
    v_result, (v_result #>> '{flavour,number}')::int)
  returning id into v_id;
  return v_result || pg_catalog.jsonb_build_object('assessment_id', v_id);
end;
$$;
grant execute on function api.architecture_advise(jsonb, text) to authenticated;
