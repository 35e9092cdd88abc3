-- sql/functions/chassis/tg__version.sql — optimistic concurrency: BEFORE row trigger attached by enable_versioning().
-- Layer: chassis. INSERT starts at 1; UPDATE bumps by one; a stale version in the row (body) or in the If-Match
-- request header (plain number, "n" or W/"n"; ignored for POST = RPC calls) raises PT409 naming the current version.
-- Fails closed (PT401) without a request envelope.
create function chassis.tg__version()
returns trigger
language plpgsql volatile
set search_path = ''
as $$
declare
  v_headers jsonb := coalesce(nullif(pg_catalog.current_setting('request.headers', true), '')::jsonb, '{}');
  v_method text := pg_catalog.upper(coalesce(nullif(pg_catalog.current_setting('request.method', true), ''), ''));
  v_if_match text := pg_catalog.btrim(v_headers ->> 'if-match');
  v_expected int;
begin
  perform chassis.require_envelope();
  if tg_op = 'INSERT' then
    new.version := 1;
    return new;
  end if;
  if tg_op = 'UPDATE' and new.version is distinct from old.version then
    raise sqlstate 'PT409' using
      message = pg_catalog.format('stale version: current version is %s', old.version),
      detail = pg_catalog.format('the write carried version %s', coalesce(new.version::text, 'null')),
      hint = 'reload the row and retry with its current version';
  end if;
  if v_if_match is not null and v_if_match <> '*' and v_method <> 'POST' then
    if v_if_match !~ '^(W/)?"?[0-9]{1,9}"?$' then
      raise sqlstate 'PT400' using
        message = pg_catalog.format('If-Match must carry a row version, got %s', v_if_match);
    end if;
    v_expected := (pg_catalog.regexp_match(v_if_match, '[0-9]+'))[1]::int;
    if v_expected <> old.version then
      raise sqlstate 'PT409' using
        message = pg_catalog.format('stale version: current version is %s', old.version),
        detail = pg_catalog.format('If-Match carried version %s', v_expected),
        hint = 'reload the row and retry with its current version';
    end if;
  end if;
  if tg_op = 'DELETE' then
    return old;
  end if;
  new.version := old.version + 1;
  return new;
end;
$$;
revoke all on function chassis.tg__version() from public;
