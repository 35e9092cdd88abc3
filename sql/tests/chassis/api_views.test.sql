-- sql/tests/chassis/api_views.test.sql — api.me, my_tenants, members, invitations per persona, plus direct table
-- access: cross-tenant reads return nothing, writes without grants raise 42501. Layer: chassis (tests).
begin;
select plan(35);
select tests.personas();
select tests.authenticate_as('olivia', 'acme');
select api.invite('member');
select tests.authenticate_as('gary', 'globex');
select api.invite('viewer');

-- Owner.
select tests.authenticate_as('olivia', 'acme');
select results_eq($$ select id, current_tenant_role from api.me $$,
  $$ values (tests.user_id('olivia'), 'owner') $$, 'owner: me is herself with her role');
select set_eq($$ select id, role, is_current from api.my_tenants $$,
  format('values (%L::uuid, %L, false), (%L::uuid, %L, true)',
    tests.personal_tenant_id('olivia'), 'owner', tests.tenant_id('acme'), 'owner'),
  'owner: my_tenants lists her personal tenant and acme (current)');
select set_eq($$ select email::text, role from api.members $$,
  $$ values ('olivia@example.test', 'owner'), ('adam@example.test', 'admin'), ('mia@example.test', 'member'),
            ('victor@example.test', 'viewer'), ('dora@example.test', 'member') $$,
  'owner: members lists acme''s five members');
select results_eq($$ select tenant_id, role from api.invitations $$,
  $$ values (tests.tenant_id('acme'), 'member') $$, 'owner: sees acme''s invitation only');
select is_empty($$ select * from api.members where tenant_id = tests.tenant_id('globex') $$,
  'owner: no globex members');

-- Admin.
select tests.authenticate_as('adam', 'acme');
select results_eq($$ select current_tenant_role from api.me $$, $$ values ('admin') $$, 'admin: me shows admin');
select is((select count(*)::int from api.invitations), 1, 'admin: sees acme''s invitation');
select is((select count(*)::int from api.members), 5, 'admin: sees acme''s members');

-- Member.
select tests.authenticate_as('mia', 'acme');
select is((select count(*)::int from api.members), 5, 'member: sees acme''s members');
select is_empty($$ select * from api.invitations $$, 'member: sees no invitations');
select set_eq($$ select slug::text from api.my_tenants where kind = 'team' $$, array['acme'],
  'member: my_tenants hides the suspended umbrella');

-- Viewer.
select tests.authenticate_as('victor', 'acme');
select is_empty($$ select * from api.invitations $$, 'viewer: sees no invitations');
select is((select count(*)::int from api.members), 5, 'viewer: sees acme''s members');

-- Stranger (globex owner).
select tests.authenticate_as('gary', 'globex');
select set_eq($$ select email::text from api.members $$, array['gary@example.test'], 'stranger: only globex members');
select results_eq($$ select tenant_id from api.invitations $$, $$ values (tests.tenant_id('globex')) $$,
  'stranger: only globex invitations');
select is_empty($$ select * from api.my_tenants where slug = 'acme' $$, 'stranger: acme is not among his tenants');
select is_empty($$ select * from chassis.memberships where tenant_id = tests.tenant_id('acme') $$,
  'stranger: reading acme memberships directly returns nothing');
select is_empty($$ select * from chassis.users where subject = 'olivia' $$,
  'stranger: acme''s users are invisible');
select is_empty($$ select * from chassis.tenants where slug = 'acme' $$, 'stranger: acme''s tenant row is invisible');
select is_empty(
  $$ update api.my_tenants set name = 'Pwned' where id = tests.tenant_id('acme') returning id $$,
  'stranger: updating acme through my_tenants changes nothing'
);

-- Signed in without a tenant.
select tests.authenticate_as('mia');
select is_empty($$ select * from api.members $$, 'no tenant: members is empty');
select results_eq($$ select subject from api.me $$, $$ values ('mia') $$, 'no tenant: me still works');

-- Writes without grants, even for the owner.
select tests.authenticate_as('olivia', 'acme');
select throws_ok($$ insert into chassis.memberships (tenant_id, user_id, role)
  values (tests.tenant_id('acme'), tests.user_id('gary'), 'owner') $$, '42501', null,
  'owner: inserting a membership directly is denied');
select throws_ok($$ update chassis.memberships set role = 'owner' $$, '42501', null,
  'owner: updating memberships directly is denied');
select throws_ok($$ delete from chassis.tenants $$, '42501', null, 'owner: deleting tenants is denied');
select throws_ok($$ update api.my_tenants set slug = 'acme2' $$, '42501', null, 'owner: slug is not writable');
select throws_ok($$ update api.my_tenants set status = 'active' $$, '42501', null, 'owner: status is not writable');
select throws_ok($$ select token_hash from chassis.invitations $$, '42501', null,
  'owner: token hashes are not readable');
select throws_ok($$ update chassis.users set status = 'active' $$, '42501', null, 'owner: users are read-only');
select throws_ok($$ insert into chassis.role_actions values ('chassis.member.invite', 'viewer') $$, '42501', null,
  'owner: the role matrix is read-only');

-- Tenant updates: owner/admin of the current tenant only.
select results_eq(
  $$ update api.my_tenants set name = 'Acme Corp' where id = tests.tenant_id('acme') returning name $$,
  $$ values ('Acme Corp') $$, 'owner: renames the current tenant'
);
select is_empty(
  $$ update api.my_tenants set name = 'Mine' where id = tests.personal_tenant_id('olivia') returning id $$,
  'owner: only the current tenant is writable'
);
select tests.authenticate_as('adam', 'acme');
select results_eq(
  $$ update api.my_tenants set metadata = '{"plan": "x"}' where id = tests.tenant_id('acme') returning metadata $$,
  $$ values ('{"plan": "x"}'::jsonb) $$, 'admin: edits the current tenant''s metadata'
);
select tests.authenticate_as('mia', 'acme');
select is_empty($$ update api.my_tenants set name = 'Mia Inc' returning id $$, 'member: cannot rename the tenant');
select tests.authenticate_as('victor', 'acme');
select is_empty($$ update api.my_tenants set name = 'Vic Inc' returning id $$, 'viewer: cannot rename the tenant');

select * from finish();
rollback;
