-- sql/ops/begin_action.sql — every ops action starts here: refuse a blank reason, open an audited operator
-- envelope carrying it. Layer: chassis. Not granted: called by the ops definer functions only.
create function ops.begin_action(action text, reason text)
returns void
language plpgsql volatile
set search_path = ''
as $$
begin
  if coalesce(pg_catalog.btrim(begin_action.reason), '') = '' then
    raise sqlstate 'PT400' using message = format('%s needs a reason', begin_action.action),
      hint = 'say why, e.g. select ops.suspend_tenant(''acme'', ''chargeback #123'')';
  end if;
  perform chassis.operator_session(
    coalesce(nullif(pg_catalog.current_setting('stance.operator', true), ''), session_user::text),
    begin_action.action || ': ' || begin_action.reason
  );
end;
$$;
revoke all on function ops.begin_action(text, text) from public;
