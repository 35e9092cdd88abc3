-- sql/functions/chassis/enable_audit.sql — opt a table into the audit log (trigger _900_audit). Layer: chassis.
-- tenant_column defaults to tenant_id when the table has one; rows without a tenant go to the global chain.
-- Usage (at load, as app_owner): select chassis.enable_audit('engine.captures');
create function chassis.enable_audit(target regclass, tenant_column text default null)
returns void
language plpgsql volatile
set search_path = ''
as $$
declare
  v_column text := enable_audit.tenant_column;
begin
  if v_column is null and exists (
    select 1 from pg_catalog.pg_attribute as a
    where a.attrelid = enable_audit.target and a.attname = 'tenant_id' and not a.attisdropped
  ) then
    v_column := 'tenant_id';
  end if;
  if v_column is not null and not exists (
    select 1 from pg_catalog.pg_attribute as a
    where a.attrelid = enable_audit.target and a.attname = v_column and not a.attisdropped
  ) then
    raise exception 'enable_audit: % has no column %', enable_audit.target, v_column;
  end if;
  if exists (
    select 1 from pg_catalog.pg_trigger as t where t.tgrelid = enable_audit.target and t.tgname = '_900_audit'
  ) then
    execute pg_catalog.format('drop trigger _900_audit on %s', enable_audit.target);
  end if;
  execute pg_catalog.format(
    'create trigger _900_audit after insert or update or delete on %s '
    'for each row execute function chassis.tg__audit(%L)',
    enable_audit.target, coalesce(v_column, '')
  );
end;
$$;
revoke all on function chassis.enable_audit(regclass, text) from public;
