-- sql/api/engine/interpreters.sql — registered interpreter versions (global). Layer: engine.
create view api.interpreters with (security_invoker = true) as
select i.kind, i.version, i.model, i.prompt_hash, i.output_schema, i.registered_at
from engine.interpreters as i;
grant select on api.interpreters to authenticated;
