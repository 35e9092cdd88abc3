-- sql/functions/chassis/create_team.sql — create a team tenant owned by the caller. Layer: chassis.
-- Behind api.create_team(). Returns the tenant id.
create function chassis.create_team(name text, slug text)
returns uuid
language plpgsql volatile security definer
set search_path = ''
as $$
begin
  if coalesce(pg_catalog.btrim(create_team.name), '') = '' then
    raise sqlstate 'PT400' using message = 'a team needs a name';
  end if;
  return chassis.create_tenant('team', create_team.slug, pg_catalog.btrim(create_team.name), chassis.require_user());
end;
$$;
grant execute on function chassis.create_team(text, text) to authenticated, sidecar;
