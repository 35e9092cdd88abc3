-- sql/functions/engine/correct.sql — record a human correction of one derived field; it wins over every
-- derivation, present and future. Layer: engine. Another tenant's capture answers 404.
create function engine.correct(capture_id uuid, kind text, field_path text, value jsonb)
returns bigint
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_tenant_id uuid := chassis.require_tenant();
  v_user_id uuid := chassis.require_user();
  v_id bigint;
begin
  if not chassis.can('engine.derivations.correct') then
    raise sqlstate '42501' using message = 'your role cannot correct derivations in this tenant';
  end if;
  if not exists (
    select 1 from engine.captures as c where c.id = correct.capture_id and c.tenant_id = v_tenant_id
  ) then
    raise sqlstate 'PT404' using message = pg_catalog.format('capture %s not found', correct.capture_id);
  end if;
  insert into engine.corrections (tenant_id, capture_id, kind, field_path, value, author)
  values (v_tenant_id, correct.capture_id, correct.kind, correct.field_path, correct.value, v_user_id)
  returning id into v_id;
  return v_id;
end;
$$;
grant execute on function engine.correct(uuid, text, text, jsonb) to authenticated;
