-- sql/functions/engine/register_interpreter.sql — declare an interpreter version (idempotent; a changed schema,
-- model or prompt hash under the same version is refused: register a new version instead). Layer: engine.
-- Usage (at load, as app_owner): select engine.register_interpreter('x.summary', '1', '{...}', 'deterministic');
create function engine.register_interpreter(
  kind text, version text, output_schema jsonb, model text, prompt_hash text default null
)
returns void
language plpgsql volatile
set search_path = ''
as $$
declare
  v_old engine.interpreters;
begin
  select i.* into v_old from engine.interpreters as i
  where i.kind = register_interpreter.kind and i.version = register_interpreter.version;
  if not found then
    insert into engine.interpreters (kind, version, output_schema, model, prompt_hash)
    values (register_interpreter.kind, register_interpreter.version, register_interpreter.output_schema,
      register_interpreter.model, register_interpreter.prompt_hash);
  elsif v_old.output_schema is distinct from register_interpreter.output_schema
    or v_old.model is distinct from register_interpreter.model
    or v_old.prompt_hash is distinct from register_interpreter.prompt_hash then
    raise sqlstate 'PT409' using
      message = pg_catalog.format('interpreter %s version %s is already registered differently',
        register_interpreter.kind, register_interpreter.version),
      hint = 'register a new version';
  end if;
end;
$$;
grant execute on function engine.register_interpreter(text, text, jsonb, text, text) to operator;
