-- sql/api/chassis/create_team.sql — RPC /rpc/create_team: runs as the caller, delegates to chassis.create_team(). Layer: chassis.
create function api.create_team(name text, slug text)
returns uuid
language sql volatile
set search_path = ''
as $$
  select chassis.create_team(create_team.name, create_team.slug);
$$;
grant execute on function api.create_team(text, text) to authenticated;
