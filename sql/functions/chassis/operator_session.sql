-- sql/functions/chassis/operator_session.sql — open an audited operator envelope for this psql session. Layer: chassis.
-- Usage: set role operator; select chassis.operator_session('<who>', '<reason>');
-- Session-level (not transaction-local) so autocommit statements that follow keep the envelope; one audit row.
create function chassis.operator_session(who text, reason text)
returns text
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_request_id text := 'operator-' || gen_random_uuid()::text;
begin
  if coalesce(btrim(operator_session.who), '') = '' or coalesce(btrim(operator_session.reason), '') = '' then
    raise sqlstate 'PT400' using message = 'operator_session needs who and reason';
  end if;
  perform chassis.set_envelope(
    v_request_id, null, null, null, 'operator', null, operator_session.who, operator_session.reason, false
  );
  perform chassis.audit_append(
    null, 'chassis.operator_session', 'OPERATOR_SESSION', null,
    pg_catalog.jsonb_build_object(
      'who', operator_session.who, 'reason', operator_session.reason, 'session_user', session_user
    )
  );
  return v_request_id;
end;
$$;
grant execute on function chassis.operator_session(text, text) to operator;
