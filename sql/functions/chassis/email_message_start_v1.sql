-- sql/functions/chassis/email_message_start_v1.sql — the message a send job should deliver (worker only).
-- Layer: chassis. No row when it was already sent or is dead, so a duplicate job sends nothing.
create function chassis.email_message_start_v1(message_id uuid)
returns table (kind text, to_address text, data jsonb, attempt int)
language sql stable security definer
set search_path = ''
as $$
  select m.kind, m.to_address::text, m.data, m.attempt_count + 1
  from chassis.email_messages as m
  where m.id = email_message_start_v1.message_id and m.status in ('pending', 'retrying');
$$;
grant execute on function chassis.email_message_start_v1(uuid) to sidecar;
