-- sql/functions/chassis/current_user_id.sql — the caller's chassis.users id, as set by pre_request(). Layer: chassis.
-- Cheap and stable: reads a transaction-local GUC. In policies wrap it: user_id = (select chassis.current_user_id()).
create function chassis.current_user_id()
returns uuid
language sql stable
as $$
  select nullif(pg_catalog.current_setting('stance.user_id', true), '')::uuid;
$$;
grant execute on function chassis.current_user_id() to anon, authenticated, sidecar, operator;
