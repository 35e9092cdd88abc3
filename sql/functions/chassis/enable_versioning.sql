-- sql/functions/chassis/enable_versioning.sql — opt a table into optimistic concurrency (trigger _100_version).
-- Layer: chassis. Adds `version int not null default 1` when missing. Grant update on version to let PATCH bodies
-- carry it. Usage (at load, as app_owner): select chassis.enable_versioning('engine.captures');
create function chassis.enable_versioning(target regclass)
returns void
language plpgsql volatile
set search_path = ''
as $$
begin
  execute pg_catalog.format(
    'alter table %s add column if not exists version int not null default 1', enable_versioning.target
  );
  execute pg_catalog.format('drop trigger if exists _100_version on %s', enable_versioning.target);
  execute pg_catalog.format(
    'create trigger _100_version before insert or update or delete on %s '
    'for each row execute function chassis.tg__version()',
    enable_versioning.target
  );
end;
$$;
revoke all on function chassis.enable_versioning(regclass) from public;
