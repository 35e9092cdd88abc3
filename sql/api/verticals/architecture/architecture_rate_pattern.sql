-- sql/api/verticals/architecture/architecture_rate_pattern.sql — place a pattern on the tenant's radar (or move
-- it), recording who, when and why. Layer: vertical. Runs as the caller; RLS and chassis.can decide.
create function api.architecture_rate_pattern(slug text, ring text, reason text, note text default '')
returns jsonb
language plpgsql volatile
set search_path = ''
as $$
declare
  v_tenant_id uuid := chassis.require_tenant();
  v_pattern_id uuid;
  v_previous text;
begin
  if not chassis.can('architecture.radar.rate') then
    raise sqlstate 'PT403' using message = 'viewers cannot rate patterns';
  end if;
  if architecture_rate_pattern.ring is null or architecture_rate_pattern.ring not in ('adopt', 'trial', 'assess', 'hold')
  then
    raise sqlstate 'PT400' using
      message = pg_catalog.format('unknown ring %s', coalesce(architecture_rate_pattern.ring, 'null')),
      hint = 'ring is adopt, trial, assess or hold';
  end if;
  if coalesce(pg_catalog.btrim(architecture_rate_pattern.reason), '') = '' then
    raise sqlstate 'PT400' using message = 'a reason is required', hint = 'say why the pattern moves to this ring';
  end if;
  -- The tenant's own custom pattern wins over a global one with the same slug.
  select p.id into v_pattern_id from architecture.patterns as p
  where p.slug = architecture_rate_pattern.slug and (p.tenant_id is null or p.tenant_id = v_tenant_id)
  order by p.tenant_id nulls last limit 1;
  if v_pattern_id is null then
    raise sqlstate 'PT404' using message = pg_catalog.format('pattern %s not found', architecture_rate_pattern.slug);
  end if;
  select r.ring into v_previous from architecture.radar_ratings as r
  where r.tenant_id = v_tenant_id and r.pattern_id = v_pattern_id for update;
  insert into architecture.radar_ratings as r (tenant_id, pattern_id, ring, note)
  values (v_tenant_id, v_pattern_id, architecture_rate_pattern.ring, coalesce(architecture_rate_pattern.note, ''))
  on conflict (tenant_id, pattern_id) do update set
    ring = excluded.ring, note = excluded.note, rated_by = chassis.current_user_id(), rated_at = pg_catalog.now();
  insert into architecture.radar_events (tenant_id, pattern_id, ring, previous_ring, note, reason)
  values (v_tenant_id, v_pattern_id, architecture_rate_pattern.ring, v_previous,
    coalesce(architecture_rate_pattern.note, ''), architecture_rate_pattern.reason);
  return pg_catalog.jsonb_build_object(
    'pattern_id', v_pattern_id, 'slug', architecture_rate_pattern.slug, 'ring', architecture_rate_pattern.ring,
    'previous_ring', v_previous
  );
end;
$$;
grant execute on function api.architecture_rate_pattern(text, text, text, text) to authenticated;
