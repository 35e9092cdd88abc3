-- sql/tests/_invariants/layering.test.sql — no foreign key points up the layers (chassis → engine → verticals);
-- deliberately upward keys are caught. Layer: chassis (tests).
begin;
select plan(3);
select is_empty($$ select * from tests.upward_foreign_keys() $$, 'no foreign key points up the layers');

create schema broken_vertical;
create table broken_vertical.things (id uuid primary key);
create table chassis.broken_up (thing_id uuid references broken_vertical.things (id));
select ok('chassis.broken_up'::regclass in (select from_table from tests.upward_foreign_keys()),
  'a chassis table referencing a vertical is caught');
create table engine.broken_up (tenant_id uuid references chassis.tenants (id), thing_id uuid references broken_vertical.things (id));
select results_eq(
  $$ select to_table from tests.upward_foreign_keys() where from_table = 'engine.broken_up'::regclass $$,
  array['broken_vertical.things'::regclass], 'an engine table may reference chassis, not a vertical'
);

select * from finish();
rollback;
