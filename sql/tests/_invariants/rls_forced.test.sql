-- sql/tests/_invariants/rls_forced.test.sql — every table outside api/extensions/tests/public has RLS enabled
-- and forced; a deliberately unprotected table is caught. Layer: chassis (tests).
begin;
select plan(4);
select is_empty($$ select * from tests.tables_without_forced_rls() $$, 'every table has RLS enabled and forced');

create table chassis.broken_no_rls (id int);
select ok('chassis.broken_no_rls'::regclass in (select tests.tables_without_forced_rls()),
  'a table without RLS is caught');
alter table chassis.broken_no_rls enable row level security;
select ok('chassis.broken_no_rls'::regclass in (select tests.tables_without_forced_rls()),
  'a table with RLS enabled but not forced is caught');
alter table chassis.broken_no_rls force row level security;
select ok('chassis.broken_no_rls'::regclass not in (select tests.tables_without_forced_rls()),
  'enabling and forcing RLS fixes it');

select * from finish();
rollback;
