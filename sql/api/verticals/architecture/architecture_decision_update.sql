-- sql/api/verticals/architecture/architecture_decision_update.sql — edit an ADR's MADR fields. Layer: vertical.
-- Only the keys present in `document` change. Pass the version you read: a stale one gives PT409 (409).
create or replace function api.architecture_decision_update(id uuid, document jsonb, version int default null)
returns api.architecture_decisions language plpgsql volatile set search_path = ''
as $$
#variable_conflict use_column
declare
  v_record architecture.decisions;
  v_result api.architecture_decisions;
begin
  select * into v_record from architecture.decisions as d where d.id = architecture_decision_update.id;
  if not found then
    raise sqlstate 'PT404' using message = 'decision record not found';
  end if;
  perform architecture.assert_can_edit_decision(v_record.number, v_record.status);
  perform architecture.save_decision_content(
    v_record.id, architecture_decision_update.document, architecture_decision_update.version
  );
  select * into v_result from api.architecture_decisions as d where d.id = v_record.id;
  return v_result;
end;
$$;
grant execute on function api.architecture_decision_update(uuid, jsonb, int) to authenticated;
