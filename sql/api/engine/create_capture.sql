-- sql/api/engine/create_capture.sql — RPC /rpc/create_capture: store a capture and queue its derivation
-- (command-then-poll: poll /derivations?capture_id=eq.<id> or /jobs?id=eq.<job_id>). Layer: engine.
create function api.create_capture(source text, kind text, content text, metadata jsonb default '{}')
returns jsonb
language sql volatile
set search_path = ''
as $$
  select engine.create_capture(create_capture.source, create_capture.kind, create_capture.content,
    create_capture.metadata);
$$;
grant execute on function api.create_capture(text, text, text, jsonb) to authenticated;
