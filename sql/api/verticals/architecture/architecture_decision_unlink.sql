-- sql/api/verticals/architecture/architecture_decision_unlink.sql — remove a link from an ADR. Layer: vertical.
create or replace function api.architecture_decision_unlink(link_id uuid)
returns void language plpgsql volatile set search_path = ''
as $$
#variable_conflict use_column
declare
  v_link record;
begin
  select l.id, l.kind, d.number, d.status into v_link
  from architecture.decision_links as l
  join architecture.decisions as d on d.id = l.decision_id
  where l.id = architecture_decision_unlink.link_id;
  if not found then
    raise sqlstate 'PT404' using message = 'link not found';
  end if;
  perform architecture.assert_can_edit_decision(v_link.number, v_link.status);
  if v_link.kind = 'supersedes' and v_link.status = 'accepted' then
    raise sqlstate 'PT422' using
      message = format('the supersession declared by %s already took effect', architecture.decision_ref(v_link.number)),
      hint = 'supersessions of accepted records are permanent';
  end if;
  delete from architecture.decision_links as l where l.id = v_link.id;
end;
$$;
grant execute on function api.architecture_decision_unlink(uuid) to authenticated;
