-- sql/tests/_invariants/policy_initplan.test.sql — RLS policies wrap chassis getters in (select …) so they run
-- once per statement; an unwrapped call is caught. Layer: chassis (tests).
begin;
select plan(3);
select is_empty($$ select * from tests.policies_with_unwrapped_getters() $$,
  'every policy wraps chassis.current_*() and chassis.can(action) in (select …)');

create table chassis.broken_policy (tenant_id uuid);
create policy select_unwrapped on chassis.broken_policy for select to authenticated
using (tenant_id = chassis.current_tenant_id());
select ok('select_unwrapped' in (select policy from tests.policies_with_unwrapped_getters()),
  'an unwrapped current_tenant_id() is caught');
create policy update_unwrapped on chassis.broken_policy for update to authenticated
using ((select chassis.current_tenant_id()) = tenant_id and chassis.can('chassis.tenant.update'));
select ok('update_unwrapped' in (select policy from tests.policies_with_unwrapped_getters()),
  'an unwrapped can(action) is caught');

select * from finish();
rollback;
