-- sql/functions/chassis/tg__audit_log_append_only.sql — refuses UPDATE, DELETE and TRUNCATE on chassis.audit_log.
-- Layer: chassis. Fires for every role, superusers and operators included (only disabling the trigger gets past it).
create function chassis.tg__audit_log_append_only()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  raise sqlstate '42501' using
    message = pg_catalog.format('chassis.audit_log is append-only: %s refused', tg_op);
end;
$$;
revoke all on function chassis.tg__audit_log_append_only() from public;
