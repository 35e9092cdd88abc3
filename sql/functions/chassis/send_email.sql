-- sql/functions/chassis/send_email.sql — queue an email in the caller's transaction (kind = template name).
-- Layer: chassis. The tenant is the request's (null outside a tenant). Returns the message id.
create function chassis.send_email(kind text, to_address text, data jsonb default '{}')
returns uuid
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_id uuid;
begin
  perform chassis.require_envelope();
  insert into chassis.email_messages (tenant_id, kind, to_address, data, envelope)
  values (chassis.current_tenant_id(), send_email.kind, send_email.to_address, send_email.data, chassis.envelope())
  returning id into v_id;
  perform chassis.enqueue_job('email_messages__send', pg_catalog.jsonb_build_object('message_id', v_id), 'email:' || v_id);
  return v_id;
end;
$$;
grant execute on function chassis.send_email(text, text, jsonb) to authenticated, sidecar;
