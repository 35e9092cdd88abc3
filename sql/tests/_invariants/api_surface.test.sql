-- sql/tests/_invariants/api_surface.test.sql — the api schema holds exactly the objects listed in
-- sql/tests/surface/<layer>.sql; unlisted and missing objects are caught. Layer: chassis (tests).
begin;
select plan(3);
select is_empty($$ select * from tests.api_surface_diff() $$, 'api matches sql/tests/surface/*.sql');

create function api.broken_unlisted() returns int language sql as $$ select 1 $$;
select ok(('broken_unlisted', 'function', 'not listed in sql/tests/surface/') in (
  select name, kind, problem from tests.api_surface_diff()
), 'an unlisted function is caught');
drop function api.broken_unlisted();

insert into tests.api_surface_expected (name, kind) values ('broken_missing', 'view');
select ok(('broken_missing', 'view', 'listed but missing') in (
  select name, kind, problem from tests.api_surface_diff()
), 'a listed but missing view is caught');

select * from finish();
rollback;
