-- sql/functions/engine/latest_interpreter_version.sql — the newest registered version of a kind (or null).
-- Layer: engine.
create function engine.latest_interpreter_version(kind text)
returns text
language sql stable
set search_path = ''
as $$
  select i.version from engine.interpreters as i
  where i.kind = latest_interpreter_version.kind
  order by i.registered_at desc, i.version desc
  limit 1;
$$;
grant execute on function engine.latest_interpreter_version(text) to authenticated, sidecar, operator;
