-- sql/functions/verticals/architecture/import_decision_links.sql — links parsed from an imported file.
-- Layer: vertical. Security definer (imported records may be closed); checks the tenant and can() itself: the
-- draft action, plus decide when any record involved is not a draft. Each link is
-- {kind, target_number, direction: outgoing | incoming, scope_note} — an incoming link (superseded by 3) is stored
-- from the other record — or {kind: relies_on, pattern_id} / {kind: cites, article_id} for a pattern of the catalog
-- (global or the tenant's) or an article of the tenant. Unknown targets and refused links are reported, not
-- raised. Idempotent.
create or replace function architecture.import_decision_links(decision_id uuid, links jsonb)
returns jsonb language plpgsql volatile security definer set search_path = ''
as $$
#variable_conflict use_column
declare
  v_tenant_id uuid := chassis.current_tenant_id();
  v_record architecture.decisions;
  v_link jsonb;
  v_other architecture.decisions;
  v_from uuid;
  v_to uuid;
  v_linked int := 0;
  v_problems jsonb := '[]';
begin
  select * into v_record from architecture.decisions as d
  where d.id = import_decision_links.decision_id and d.tenant_id = v_tenant_id;
  if not found then
    raise sqlstate 'PT404' using message = 'decision record not found';
  end if;
  if not chassis.can('architecture.decision.draft') then
    raise sqlstate 'PT403' using message = 'importing links needs the architecture.decision.draft action';
  end if;
  for v_link in select e.v from jsonb_array_elements(coalesce(import_decision_links.links, '[]')) as e (v) loop
    if v_link ? 'pattern_id' or v_link ? 'article_id' then
      if v_record.status <> 'draft' and not chassis.can('architecture.decision.decide') then
        v_problems := v_problems || jsonb_build_object('link', v_link, 'problem', 'linking decided records needs admin');
      elsif not exists (
        select 1 from architecture.patterns as p
        where p.id = (v_link ->> 'pattern_id')::uuid and (p.tenant_id is null or p.tenant_id = v_tenant_id)
      ) and not exists (
        select 1 from architecture.articles as a
        where a.id = (v_link ->> 'article_id')::uuid and a.tenant_id = v_tenant_id
      ) then
        v_problems := v_problems || jsonb_build_object('link', v_link, 'problem', 'pattern or article not found');
      else
        insert into architecture.decision_links (tenant_id, decision_id, kind, pattern_id, article_id)
        values (
          v_tenant_id, v_record.id, case when v_link ? 'pattern_id' then 'relies_on' else 'cites' end,
          (v_link ->> 'pattern_id')::uuid, (v_link ->> 'article_id')::uuid
        )
        on conflict on constraint decision_links_unique_key do nothing;
        if found then
          v_linked := v_linked + 1;
        end if;
      end if;
      continue;
    end if;
    select * into v_other from architecture.decisions as d
    where d.tenant_id = v_tenant_id and d.number = (v_link ->> 'target_number')::int;
    if not found then
      v_problems := v_problems || jsonb_build_object('link', v_link, 'problem', 'target record not found');
      continue;
    end if;
    if (v_record.status <> 'draft' or v_other.status <> 'draft') and not chassis.can('architecture.decision.decide') then
      v_problems := v_problems || jsonb_build_object('link', v_link, 'problem', 'linking decided records needs admin');
      continue;
    end if;
    if v_link ->> 'direction' = 'incoming' then
      v_from := v_other.id;
      v_to := v_record.id;
    else
      v_from := v_record.id;
      v_to := v_other.id;
    end if;
    begin
      insert into architecture.decision_links (tenant_id, decision_id, kind, target_decision_id, scope_note)
      values (v_tenant_id, v_from, v_link ->> 'kind', v_to, v_link ->> 'scope_note')
      on conflict on constraint decision_links_unique_key do nothing;
      if found then
        v_linked := v_linked + 1;
      end if;
    exception when sqlstate 'PT422' or check_violation then
      v_problems := v_problems || jsonb_build_object('link', v_link, 'problem', sqlerrm);
    end;
  end loop;
  return jsonb_build_object('linked', v_linked, 'problems', v_problems);
end;
$$;
revoke all on function architecture.import_decision_links(uuid, jsonb) from public;
grant execute on function architecture.import_decision_links(uuid, jsonb) to authenticated;
