-- sql/tests/_invariants/definer_search_path.test.sql — every SECURITY DEFINER function pins search_path and none
-- lives in api; deliberately broken functions are caught. Layer: chassis (tests).
begin;
select plan(3);
select is_empty($$ select * from tests.unsafe_definer_functions() $$,
  'every security definer function pins search_path, none is in api');

create function chassis.broken_definer() returns int language sql security definer as $$ select 1 $$;
select ok(('chassis.broken_definer()'::regprocedure, 'search_path not pinned') in (
  select fn, problem from tests.unsafe_definer_functions()
), 'a definer without search_path is caught');
drop function chassis.broken_definer();

create function api.broken_definer() returns int language sql security definer set search_path = '' as $$ select 1 $$;
select ok(('api.broken_definer()'::regprocedure, 'security definer in api') in (
  select fn, problem from tests.unsafe_definer_functions()
), 'a definer in the exposed schema is caught');

select * from finish();
rollback;
