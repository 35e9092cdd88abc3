-- sql/api/verticals/architecture/architecture_decision_supersede.sql — draft a record superseding another.
-- Layer: vertical. The new draft starts as a copy of the old content (or `document`) and holds a supersedes link;
-- the old record becomes superseded only when the new one is accepted. scope_note marks partial supersession.
create or replace function api.architecture_decision_supersede(
  id uuid, title text, document jsonb default null, scope_note text default null
)
returns api.architecture_decisions language plpgsql volatile set search_path = ''
as $$
#variable_conflict use_column
declare
  v_old architecture.decisions;
  v_new api.architecture_decisions;
begin
  select * into v_old from architecture.decisions as d where d.id = architecture_decision_supersede.id;
  if not found then
    raise sqlstate 'PT404' using message = 'decision record not found';
  end if;
  v_new := api.architecture_decision_create(
    architecture_decision_supersede.title,
    coalesce(
      architecture_decision_supersede.document,
      architecture.decision_document(v_old.id) - 'title' - 'implementation_status' - 'date'
    )
  );
  insert into architecture.decision_links (tenant_id, decision_id, kind, target_decision_id, scope_note)
  values (v_old.tenant_id, v_new.id, 'supersedes', v_old.id, architecture_decision_supersede.scope_note);
  select * into v_new from api.architecture_decisions as d where d.id = v_new.id;
  return v_new;
end;
$$;
grant execute on function api.architecture_decision_supersede(uuid, text, jsonb, text) to authenticated;
