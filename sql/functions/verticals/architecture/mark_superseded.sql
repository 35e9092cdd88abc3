-- sql/functions/verticals/architecture/mark_superseded.sql — supersession taking effect. Layer: vertical.
-- Moves every accepted record that `superseder_id` supersedes to superseded, with the reason in its history.
-- Called when the superseder is accepted, or when an accepted record gains a supersedes link. The caller's If-Match
-- header is about the superseder, so it is held back while the superseded records are updated.
create or replace function architecture.mark_superseded(superseder_id uuid)
returns void language plpgsql set search_path = ''
as $$
#variable_conflict use_column
declare
  v_previous_reason text := current_setting('architecture.status_reason', true);
  v_headers text := current_setting('request.headers', true);
  v_superseder architecture.decisions;
  v_target record;
begin
  select * into v_superseder from architecture.decisions as d where d.id = mark_superseded.superseder_id;
  for v_target in
    select l.target_decision_id as id, l.scope_note
    from architecture.decision_links as l
    join architecture.decisions as t on t.id = l.target_decision_id
    where l.decision_id = mark_superseded.superseder_id and l.kind = 'supersedes' and t.status = 'accepted'
  loop
    if v_headers is not null and v_headers <> '' then
      perform set_config('request.headers', (v_headers::jsonb - 'if-match')::text, true);
    end if;
    perform set_config('architecture.status_reason', concat_ws(
      ' — ', 'superseded by ' || architecture.decision_ref(v_superseder.number), v_target.scope_note
    ), true);
    update architecture.decisions as d set status = 'superseded', updated_at = now() where d.id = v_target.id;
  end loop;
  perform set_config('architecture.status_reason', coalesce(v_previous_reason, ''), true);
  if v_headers is not null then
    perform set_config('request.headers', v_headers, true);
  end if;
end;
$$;
grant execute on function architecture.mark_superseded(uuid) to authenticated, sidecar;
