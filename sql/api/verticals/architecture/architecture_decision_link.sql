-- sql/api/verticals/architecture/architecture_decision_link.sql — add a typed link from an ADR. Layer: vertical.
-- Record kinds (supersedes, amends, extends, relates_to, depends_on, conflicts_with) take target_id; relies_on takes
-- pattern_id; cites takes article_id. Idempotent: linking twice returns the existing link's id.
create or replace function api.architecture_decision_link(
  id uuid, kind text, target_id uuid default null, pattern_id uuid default null, article_id uuid default null,
  scope_note text default null
)
returns uuid language plpgsql volatile set search_path = ''
as $$
#variable_conflict use_column
declare
  v_record architecture.decisions;
  v_link_id uuid;
begin
  select * into v_record from architecture.decisions as d where d.id = architecture_decision_link.id;
  if not found then
    raise sqlstate 'PT404' using message = 'decision record not found';
  end if;
  if architecture_decision_link.kind is null or architecture_decision_link.kind not in (
    'supersedes', 'amends', 'extends', 'relates_to', 'depends_on', 'conflicts_with', 'relies_on', 'cites'
  ) then
    raise sqlstate 'PT400' using
      message = format('unknown link kind "%s"', architecture_decision_link.kind),
      hint = 'kinds: supersedes, amends, extends, relates_to, depends_on, conflicts_with (target_id), '
        'relies_on (pattern_id), cites (article_id)';
  end if;
  if num_nonnulls(
    architecture_decision_link.target_id, architecture_decision_link.pattern_id, architecture_decision_link.article_id
  ) <> 1
    or (architecture_decision_link.kind = 'relies_on') <> (architecture_decision_link.pattern_id is not null)
    or (architecture_decision_link.kind = 'cites') <> (architecture_decision_link.article_id is not null) then
    raise sqlstate 'PT400' using
      message = format('a %s link needs exactly %s', architecture_decision_link.kind,
        case architecture_decision_link.kind when 'relies_on' then 'pattern_id' when 'cites' then 'article_id'
          else 'target_id' end);
  end if;
  if architecture_decision_link.target_id is not null and not exists (
    select 1 from architecture.decisions as t where t.id = architecture_decision_link.target_id
  ) then
    raise sqlstate 'PT404' using message = 'target decision record not found';
  end if;
  if architecture_decision_link.pattern_id is not null and not exists (
    select 1 from architecture.patterns as p where p.id = architecture_decision_link.pattern_id
  ) then
    raise sqlstate 'PT404' using message = 'pattern not found';
  end if;
  if architecture_decision_link.article_id is not null and not exists (
    select 1 from architecture.articles as a where a.id = architecture_decision_link.article_id
  ) then
    raise sqlstate 'PT404' using message = 'article not found';
  end if;
  perform architecture.assert_can_edit_decision(v_record.number, v_record.status);
  insert into architecture.decision_links (
    tenant_id, decision_id, kind, target_decision_id, pattern_id, article_id, scope_note
  ) values (
    v_record.tenant_id, v_record.id, architecture_decision_link.kind, architecture_decision_link.target_id,
    architecture_decision_link.pattern_id, architecture_decision_link.article_id, architecture_decision_link.scope_note
  )
  on conflict on constraint decision_links_unique_key do nothing
  returning decision_links.id into v_link_id;
  if v_link_id is null then
    -- Already linked, or (symmetric kinds) linked from the other side.
    select l.id into v_link_id from architecture.decision_links as l
    where l.kind = architecture_decision_link.kind
      and l.pattern_id is not distinct from architecture_decision_link.pattern_id
      and l.article_id is not distinct from architecture_decision_link.article_id
      and (
        (l.decision_id = v_record.id
          and l.target_decision_id is not distinct from architecture_decision_link.target_id)
        or (l.kind in ('relates_to', 'conflicts_with')
          and l.decision_id = architecture_decision_link.target_id and l.target_decision_id = v_record.id)
      );
  end if;
  return v_link_id;
end;
$$;
grant execute on function api.architecture_decision_link(uuid, text, uuid, uuid, uuid, text) to authenticated;
