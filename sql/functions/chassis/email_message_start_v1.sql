-- sql/functions/chassis/email_message_start_v1.sql — the message a send job should deliver (worker only).
-- Layer: chassis. No row when it was already sent or is dead, so a duplicate job sends nothing. Called inside the
-- job principal's transaction (via worker): only that tenant's messages.
create function chassis.email_message_start_v1(message_id uuid)
returns table (kind text, to_address text, data jsonb, attempt int)
language plpgsql stable security definer
set search_path = ''
as $$
begin
  perform chassis.outbox_require_worker();
  return query
  select m.kind, m.to_address::text, m.data, m.attempt_count + 1
  from chassis.email_messages as m
  where m.id = email_message_start_v1.message_id and m.status in ('pending', 'retrying')
    and (chassis.current_tenant_id() is null or m.tenant_id is not distinct from chassis.current_tenant_id());
end;
$$;
grant execute on function chassis.email_message_start_v1(uuid) to authenticated, sidecar;
