-- sql/api/verticals/architecture/architecture_decision_create.sql — draft a new ADR. Layer: vertical.
-- The server allocates the number; the record starts as a draft. `document` holds the MADR fields
-- (see architecture.decision_document()).
create or replace function api.architecture_decision_create(title text, document jsonb default '{}')
returns api.architecture_decisions language plpgsql volatile set search_path = ''
as $$
#variable_conflict use_column
declare
  v_id uuid;
  v_result api.architecture_decisions;
begin
  if not chassis.can('architecture.decision.draft') then
    raise sqlstate 'PT403' using
      message = 'creating a decision record needs the architecture.decision.draft action',
      hint = 'members, admins and owners may draft records';
  end if;
  perform set_config('architecture.status_reason', 'created', true);
  insert into architecture.decisions (title) values (architecture_decision_create.title) returning id into v_id;
  perform set_config('architecture.status_reason', '', true);
  if coalesce(architecture_decision_create.document, '{}') - 'title' <> '{}' then
    perform architecture.save_decision_content(v_id, architecture_decision_create.document - 'title', null);
  end if;
  select * into v_result from api.architecture_decisions as d where d.id = v_id;
  return v_result;
end;
$$;
grant execute on function api.architecture_decision_create(text, jsonb) to authenticated;
