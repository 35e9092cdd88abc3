-- sql/tests/_invariants/plpgsql_check.test.sql — every PL/pgSQL function passes plpgsql_check (names, columns and
-- types resolve); a function calling something that does not exist is caught. Layer: chassis (tests).
begin;
select plan(2);
select is_empty($$ select * from tests.plpgsql_check_errors() $$, 'plpgsql_check finds no errors');

create function chassis.broken_plpgsql() returns int language plpgsql as $$
begin
  return chassis.no_such_function();
end;
$$;
select ok('chassis.broken_plpgsql()'::regprocedure in (select fn from tests.plpgsql_check_errors()),
  'a function calling a missing function is caught');

select * from finish();
rollback;
