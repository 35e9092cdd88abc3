-- sql/functions/chassis/tg__audit.sql — generic AFTER row trigger: who, what, when, before, after. Layer: chassis.
-- Attached by chassis.enable_audit(table); TG_ARGV[0] names the column holding the tenant id ('' = global chain).
create function chassis.tg__audit()
returns trigger
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_old jsonb := case when tg_op in ('UPDATE', 'DELETE') then pg_catalog.to_jsonb(old) end;
  v_new jsonb := case when tg_op in ('INSERT', 'UPDATE') then pg_catalog.to_jsonb(new) end;
  v_tenant_column text := coalesce(tg_argv[0], '');
  v_tenant_id uuid;
begin
  if v_tenant_column <> '' then
    v_tenant_id := coalesce(v_new ->> v_tenant_column, v_old ->> v_tenant_column)::uuid;
  end if;
  perform chassis.audit_append(
    v_tenant_id, pg_catalog.format('%I.%I', tg_table_schema, tg_table_name), tg_op, v_old, v_new
  );
  return null;
end;
$$;
revoke all on function chassis.tg__audit() from public;
