-- sql/functions/chassis/email_message_finish_v1.sql — record a send attempt (worker only). Layer: chassis.
-- error null → sent. Otherwise retrying with the webhook policy's backoff (a new job), or dead at its max_attempts
-- or at once when the failure is permanent (a template that cannot render will not render later either).
create function chassis.email_message_finish_v1(message_id uuid, error text, permanent boolean default false)
returns text
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_policy chassis.webhook_policy;
  v_message chassis.email_messages;
  v_status text;
  v_delay interval;
begin
  perform chassis.outbox_require_worker();
  select p.* into v_policy from chassis.webhook_policy as p;
  select m.* into v_message from chassis.email_messages as m
  where m.id = email_message_finish_v1.message_id
    and (chassis.current_tenant_id() is null or m.tenant_id is not distinct from chassis.current_tenant_id())
  for update;
  if not found or v_message.status not in ('pending', 'retrying') then
    raise sqlstate 'PT409' using message = format('email %s is not in flight', email_message_finish_v1.message_id);
  end if;
  if email_message_finish_v1.error is null then
    v_status := 'sent';
  elsif email_message_finish_v1.permanent or v_message.attempt_count + 1 >= v_policy.max_attempts then
    v_status := 'dead';
  else
    v_status := 'retrying';
    v_delay := least(v_policy.max_delay, v_policy.base_delay * power(2, v_message.attempt_count))
      * (0.5 + random() * 0.5);
  end if;
  update chassis.email_messages as m
  set status = v_status, attempt_count = m.attempt_count + 1, last_error = left(email_message_finish_v1.error, 2000),
    sent_at = case when v_status = 'sent' then now() end, updated_at = now()
  where m.id = v_message.id;
  if v_status = 'retrying' then
    perform chassis.enqueue_job(
      'email_messages__send', pg_catalog.jsonb_build_object('message_id', v_message.id), 'email:' || v_message.id,
      now() + v_delay
    );
  end if;
  return v_status;
end;
$$;
grant execute on function chassis.email_message_finish_v1(uuid, text, boolean) to authenticated, sidecar;
