-- sql/functions/chassis/enable_versioning.sql — opt a table into optimistic concurrency (trigger _100_version).
-- Layer: chassis. Adds `version int not null default 1` when missing. Grant update on version to let PATCH bodies
-- carry it. Usage (at load, as app_owner): select chassis.enable_versioning('engine.captures');
create function chassis.enable_versioning(target regclass)
returns void
language plpgsql volatile
set search_path = ''
as $$
begin
  if not exists (
    select 1 from pg_catalog.pg_attribute as a
    where a.attrelid = enable_versioning.target and a.attname = 'version' and not a.attisdropped
  ) then
    execute pg_catalog.format('alter table %s add column version int not null default 1', enable_versioning.target);
  end if;
  if exists (
    select 1 from pg_catalog.pg_trigger as t
    where t.tgrelid = enable_versioning.target and t.tgname = '_100_version'
  ) then
    execute pg_catalog.format('drop trigger _100_version on %s', enable_versioning.target);
  end if;
  execute pg_catalog.format(
    'create trigger _100_version before insert or update or delete on %s '
    'for each row execute function chassis.tg__version()',
    enable_versioning.target
  );
end;
$$;
revoke all on function chassis.enable_versioning(regclass) from public;
