-- sql/functions/chassis/require_user.sql — the caller's user id, or PT401 when the caller has not signed in.
-- Layer: chassis. For RPCs of every layer.
create function chassis.require_user()
returns uuid
language plpgsql stable
set search_path = ''
as $$
declare
  v_user_id uuid := chassis.current_user_id();
begin
  if v_user_id is null then
    raise sqlstate 'PT401' using message = 'not signed in', hint = 'call /rpc/sign_in with a valid token';
  end if;
  return v_user_id;
end;
$$;
grant execute on function chassis.require_user() to authenticated, sidecar, operator;
