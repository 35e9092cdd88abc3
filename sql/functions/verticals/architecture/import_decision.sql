-- sql/functions/verticals/architecture/import_decision.sql — import one ADR file's content. Layer: vertical.
-- Security definer so records land in the status the file says (a superseded record is not editable through RLS);
-- it therefore checks everything itself: the caller's tenant, and can() — drafts need architecture.decision.draft,
-- any other status architecture.decision.decide. Matches an existing record by uid, then by (tenant, source_path);
-- an unchanged document is a no-op. A new record keeps its number when free, else gets the next one. On re-import a
-- status change follows the lifecycle, except superseded, which takes effect when the superseder's link is imported.
create or replace function architecture.import_decision(
  document jsonb, number int, status text, status_raw text, source_format text, source_path text, uid uuid
)
returns jsonb language plpgsql volatile security definer set search_path = ''
as $$
#variable_conflict use_column
declare
  v_tenant_id uuid := chassis.current_tenant_id();
  v_doc jsonb := coalesce(import_decision.document, '{}');
  v_status text := coalesce(import_decision.status, 'draft');
  v_hash text;
  v_existing architecture.decisions;
  v_current jsonb;
  v_number int := import_decision.number;
  v_id uuid;
  v_action text;
begin
  if v_status not in ('draft', 'proposed', 'accepted', 'rejected', 'withdrawn', 'deprecated', 'superseded') then
    raise sqlstate 'PT400' using message = format('unknown status "%s"', v_status);
  end if;
  if v_tenant_id is null or not chassis.can(
    case when v_status = 'draft' then 'architecture.decision.draft' else 'architecture.decision.decide' end
  ) then
    raise sqlstate 'PT403' using
      message = format('importing a %s record needs the %s action', v_status,
        case when v_status = 'draft' then 'architecture.decision.draft' else 'architecture.decision.decide' end);
  end if;
  if coalesce(btrim(v_doc ->> 'title'), '') = '' then
    raise sqlstate 'PT400' using message = 'an imported record needs a title';
  end if;
  v_hash := encode(sha256(convert_to(concat_ws('|', v_doc::text, v_status, import_decision.status_raw), 'UTF8')), 'hex');

  if import_decision.uid is not null then
    select * into v_existing from architecture.decisions as d
    where d.id = import_decision.uid and d.tenant_id = v_tenant_id;
  end if;
  if v_existing.id is null and import_decision.source_path is not null then
    select * into v_existing from architecture.decisions as d
    where d.tenant_id = v_tenant_id and d.source_path = import_decision.source_path;
  end if;

  if v_existing.id is not null then
    v_id := v_existing.id;
    v_current := architecture.decision_document(v_id);
    if v_existing.status = v_status and v_existing.status_raw is not distinct from import_decision.status_raw
      and not exists (
        select 1 from jsonb_each(v_doc) as e where v_current -> e.key is distinct from e.value
      ) then
      v_action := 'unchanged';
    else
      v_action := 'updated';
      if exists (select 1 from jsonb_each(v_doc) as e where v_current -> e.key is distinct from e.value) then
        perform architecture.assert_can_edit_decision(v_existing.number, v_existing.status);
        perform architecture.save_decision_content(v_id, v_doc, null);
      end if;
      perform set_config('architecture.status_reason', concat_ws(' ', 'imported from', import_decision.source_path), true);
      -- "superseded" follows from the superseder's link (imported next); other moves follow the lifecycle.
      update architecture.decisions as d set
        status = case when v_status = 'superseded' then d.status else v_status end, status_raw = import_decision.status_raw, source_hash = v_hash,
        source_format = coalesce(import_decision.source_format, d.source_format),
        source_path = coalesce(import_decision.source_path, d.source_path)
      where d.id = v_id;
      perform set_config('architecture.status_reason', '', true);
    end if;
    select d.number into v_number from architecture.decisions as d where d.id = v_id;
  else
    v_action := 'created';
    if exists (
      select 1 from architecture.decisions as d where d.tenant_id = v_tenant_id and d.number = v_number
    ) then
      v_number := null;
    end if;
    perform set_config('architecture.status_reason', concat_ws(' ', 'imported from', import_decision.source_path), true);
    insert into architecture.decisions (
      tenant_id, number, title, status, status_raw, source_format, source_path, source_hash
    ) values (
      v_tenant_id, v_number, v_doc ->> 'title', v_status, import_decision.status_raw, import_decision.source_format,
      import_decision.source_path, v_hash
    ) returning id, decisions.number into v_id, v_number;
    perform set_config('architecture.status_reason', '', true);
    if v_doc - 'title' <> '{}' then
      perform architecture.save_decision_content(v_id, v_doc - 'title', null);
    end if;
  end if;
  return jsonb_build_object(
    'id', v_id, 'number', v_number, 'ref', architecture.decision_ref(v_number), 'action', v_action,
    'requested_number', import_decision.number
  );
end;
$$;
revoke all on function architecture.import_decision(jsonb, int, text, text, text, text, uuid) from public;
grant execute on function architecture.import_decision(jsonb, int, text, text, text, text, uuid) to authenticated;
