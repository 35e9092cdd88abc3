-- sql/tests/_invariants/anon_execute.test.sql — no function is executable by PUBLIC or anon beyond the allow-list
-- (tests.anon_executable_allowed, filled by sql/tests/surface/*.sql); a leaked grant is caught. Layer: chassis (tests).
begin;
select plan(4);
select is_empty($$ select * from tests.functions_executable_by_anon() $$,
  'anon (and PUBLIC) execute only allow-listed functions');
select ok(has_function_privilege('anon', 'chassis.pre_request()', 'execute'), 'anon can run the db-pre-request function');

create function chassis.broken_public() returns int language sql as $$ select 1 $$;
grant execute on function chassis.broken_public() to public;
select ok('chassis.broken_public()'::regprocedure in (select tests.functions_executable_by_anon()),
  'a function executable by PUBLIC is caught');
revoke execute on function chassis.broken_public() from public;
grant execute on function chassis.broken_public() to anon;
select ok('chassis.broken_public()'::regprocedure in (select tests.functions_executable_by_anon()),
  'a function granted to anon is caught');

select * from finish();
rollback;
