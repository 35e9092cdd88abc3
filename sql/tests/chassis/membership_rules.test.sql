-- sql/tests/chassis/membership_rules.test.sql — change_member_role, remove_member, leave_tenant per persona:
-- owners and admins manage, only owners touch owners, the last owner stays, tenants are isolated.
-- Layer: chassis (tests).
begin;
select plan(30);
select tests.personas();

-- Who may change roles.
select tests.authenticate_as('mia', 'acme');
select throws_ok(format('select api.change_member_role(%L, %L)', tests.user_id('victor'), 'member'),
  'PT403', 'only owners and admins can change roles', 'member: cannot change roles');
select tests.authenticate_as('victor', 'acme');
select throws_ok(format('select api.change_member_role(%L, %L)', tests.user_id('victor'), 'admin'),
  'PT403', 'only owners and admins can change roles', 'viewer: cannot promote himself');
select tests.authenticate_as('adam', 'acme');
select lives_ok(format('select api.change_member_role(%L, %L)', tests.user_id('victor'), 'member'),
  'admin: changes a viewer into a member');
select results_eq(format('select role from api.members where user_id = %L', tests.user_id('victor')),
  $$ values ('member') $$, 'the new role shows in members');
select throws_ok(format('select api.change_member_role(%L, %L)', tests.user_id('mia'), 'owner'),
  'PT403', 'only owners can grant or change the owner role', 'admin: cannot grant owner');
select throws_ok(format('select api.change_member_role(%L, %L)', tests.user_id('olivia'), 'viewer'),
  'PT403', 'only owners can grant or change the owner role', 'admin: cannot demote an owner');
select throws_ok(format('select api.change_member_role(%L, %L)', tests.user_id('mia'), 'god'),
  'PT400', 'unknown role god', 'unknown role refused');
select throws_ok(format('select api.change_member_role(%L, %L)', tests.user_id('gary'), 'member'),
  'PT404', 'not a member of this tenant', 'admin: cannot change someone outside the tenant');

-- Stranger: his own tenant context cannot reach acme's members.
select tests.authenticate_as('gary', 'globex');
select throws_ok(format('select api.change_member_role(%L, %L)', tests.user_id('mia'), 'viewer'),
  'PT404', 'not a member of this tenant', 'stranger: acme members are not in his tenant');
select throws_ok(format('select api.remove_member(%L)', tests.user_id('mia')),
  'PT404', 'not a member of this tenant', 'stranger: cannot remove acme members');

-- The last owner stays.
select tests.authenticate_as('olivia', 'acme');
select throws_ok(format('select api.change_member_role(%L, %L)', tests.user_id('olivia'), 'admin'),
  'PT409', 'a tenant must keep at least one owner', 'owner: cannot demote the last owner (herself)');
select throws_ok(format('select api.remove_member(%L)', tests.user_id('olivia')),
  'PT409', 'a tenant must keep at least one owner', 'owner: cannot remove the last owner');
select throws_ok(format('select api.leave_tenant(%L)', tests.tenant_id('acme')),
  'PT409', 'a tenant must keep at least one owner', 'owner: the last owner cannot leave');
select lives_ok(format('select api.change_member_role(%L, %L)', tests.user_id('adam'), 'owner'),
  'owner: promotes an admin to owner');
select lives_ok(format('select api.change_member_role(%L, %L)', tests.user_id('olivia'), 'admin'),
  'owner: with a second owner she may step down');
select set_eq($$ select user_id from api.members where role = 'owner' $$, array[tests.user_id('adam')],
  'acme has exactly one owner again');

-- Remove.
select tests.authenticate_as('mia', 'acme');
select throws_ok(format('select api.remove_member(%L)', tests.user_id('victor')),
  'PT403', 'only owners and admins can remove members', 'member: cannot remove');
select tests.authenticate_as('olivia', 'acme');
select throws_ok(format('select api.remove_member(%L)', tests.user_id('adam')),
  'PT403', 'only owners can remove owners', 'admin: cannot remove an owner');
select lives_ok(format('select api.remove_member(%L)', tests.user_id('victor')), 'admin: removes a member');
select is_empty(format('select 1 from api.members where user_id = %L', tests.user_id('victor')),
  'the removed member is gone');
select throws_ok($$ select tests.authenticate_as('victor', 'acme') $$,
  'PT403', format('not a member of tenant %s', tests.tenant_id('acme')), 'the removed member loses access at once');

-- Leave.
select tests.authenticate_as('mia', 'acme');
select lives_ok($$ select api.leave_tenant() $$, 'member: leaves the current tenant');
select tests.authenticate_as('mia');
select is_empty($$ select 1 from api.my_tenants where slug = 'acme' $$, 'acme is no longer among her tenants');
select throws_ok(format('select api.leave_tenant(%L)', tests.tenant_id('acme')),
  'PT404', 'not a member of this tenant', 'leaving twice: not a member');
select throws_ok(format('select api.leave_tenant(%L)', tests.personal_tenant_id('mia')),
  'PT400', 'nobody can leave their personal tenant', 'the personal tenant cannot be left');
select throws_ok($$ select api.leave_tenant() $$, 'PT404', 'not a member of this tenant',
  'no tenant selected and none given: nothing to leave');
select tests.authenticate_as('adam', 'acme');
select throws_ok($$ select api.leave_tenant() $$, 'PT409', 'a tenant must keep at least one owner',
  'the new sole owner cannot leave');

-- Versions bump on every membership change.
select tests.clear_authentication();
select results_eq(
  $$ select version from chassis.memberships
     where tenant_id = tests.tenant_id('acme') and user_id = tests.user_id('olivia') $$,
  array[2], 'membership versions bump on role changes'
);

-- Anonymous.
select tests.as_anon();
select throws_ok(format('select api.remove_member(%L)', tests.user_id('mia')), '42501', null, 'anon: cannot remove');
select throws_ok($$ select api.leave_tenant() $$, '42501', null, 'anon: cannot leave');

select * from finish();
rollback;
