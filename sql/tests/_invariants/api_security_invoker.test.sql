-- sql/tests/_invariants/api_security_invoker.test.sql — every api view runs with the caller's rights; a view
-- without security_invoker is caught. Layer: chassis (tests).
begin;
select plan(3);
select is_empty($$ select * from tests.api_views_without_security_invoker() $$, 'every api view is security_invoker');

create view api.broken_owner_view as select 1 as x;
select ok('api.broken_owner_view'::regclass in (select tests.api_views_without_security_invoker()),
  'a view without security_invoker is caught');
alter view api.broken_owner_view set (security_invoker = false);
select ok('api.broken_owner_view'::regclass in (select tests.api_views_without_security_invoker()),
  'security_invoker = false is caught');

select * from finish();
rollback;
