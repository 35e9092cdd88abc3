-- sql/tests/chassis/can.test.sql — chassis.can(): the role → action matrix as data, register_action, and resource
-- grants to a user or to a role, across personas and tenants. Layer: chassis (tests).
begin;
select plan(27);
select tests.personas();
select chassis.register_action('tests.widget.edit', array['owner', 'admin']);
select chassis.register_action('tests.widget.view', array['owner', 'admin', 'member', 'viewer']);

-- The matrix.
select tests.authenticate_as('olivia', 'acme');
select ok(chassis.can('tests.widget.edit'), 'owner: holds an owner/admin action');
select tests.authenticate_as('adam', 'acme');
select ok(chassis.can('tests.widget.edit'), 'admin: holds an owner/admin action');
select tests.authenticate_as('mia', 'acme');
select ok(not chassis.can('tests.widget.edit'), 'member: does not');
select ok(chassis.can('tests.widget.view'), 'member: holds an everyone action');
select tests.authenticate_as('victor', 'acme');
select ok(not chassis.can('tests.widget.edit'), 'viewer: does not');
select tests.authenticate_as('olivia');
select ok(not chassis.can('tests.widget.view'), 'no tenant selected: no role, no action');
select tests.as_anon();
select ok(not chassis.can('tests.widget.view'), 'anon: nothing');
select throws_ok($$ select chassis.can('tests.widget.typo') $$, '22023', 'unknown action tests.widget.typo',
  'an unregistered action is an error, not a silent false');

-- Re-registering replaces the role list.
select tests.clear_authentication();
select chassis.register_action('tests.widget.edit', array['member']);
select tests.authenticate_as('mia', 'acme');
select ok(chassis.can('tests.widget.edit'), 're-registered: member now holds it');
select tests.authenticate_as('olivia', 'acme');
select ok(not chassis.can('tests.widget.edit'), 're-registered: owner no longer does');
select tests.clear_authentication();
select throws_ok($$ select chassis.register_action('tests.widget.edit', array['root']) $$, '22023',
  'unknown tenant role root', 'register_action refuses unknown roles');
select throws_ok($$ select chassis.register_action('Widget', array['owner']) $$, '23514', null,
  'action names are <layer>.<thing>.<verb>');
select chassis.register_action('tests.widget.edit', array['owner', 'admin']);

-- Resource grants: share one widget with a user, another with a role.
select tests.authenticate_as('olivia', 'acme');
insert into chassis.resource_grants (tenant_id, resource_type, resource_id, action, grantee_user_id)
values (tests.tenant_id('acme'), 'tests.widget', '00000000-0000-0000-0000-0000000000a1', 'tests.widget.edit',
        tests.user_id('mia'));
insert into chassis.resource_grants (tenant_id, resource_type, resource_id, action, grantee_role)
values (tests.tenant_id('acme'), 'tests.widget', '00000000-0000-0000-0000-0000000000a2', 'tests.widget.edit', 'viewer');
insert into chassis.resource_grants (tenant_id, resource_type, resource_id, action, grantee_user_id)
values (tests.tenant_id('acme'), 'tests.widget', '00000000-0000-0000-0000-0000000000a3', 'tests.widget.edit',
        tests.user_id('gary'));
select tests.authenticate_as('mia', 'acme');
select ok(chassis.can('tests.widget.edit', 'tests.widget', '00000000-0000-0000-0000-0000000000a1'),
  'member: a widget shared with her');
select ok(not chassis.can('tests.widget.edit', 'tests.widget', '00000000-0000-0000-0000-0000000000a2'),
  'member: not a widget shared with viewers');
select ok(not chassis.can('tests.widget.edit', 'tests.other', '00000000-0000-0000-0000-0000000000a1'),
  'member: the grant is for that resource type only');
select tests.authenticate_as('victor', 'acme');
select ok(chassis.can('tests.widget.edit', 'tests.widget', '00000000-0000-0000-0000-0000000000a2'),
  'viewer: a widget shared with his role');
select ok(not chassis.can('tests.widget.edit', 'tests.widget', '00000000-0000-0000-0000-0000000000a1'),
  'viewer: not a widget shared with someone else');
select tests.authenticate_as('gary', 'globex');
select ok(chassis.has_grant('tests.widget.edit', 'tests.widget', '00000000-0000-0000-0000-0000000000a3'),
  'stranger: a widget shared with him personally, across tenants');
select ok(not chassis.has_grant('tests.widget.edit', 'tests.widget', '00000000-0000-0000-0000-0000000000a2'),
  'stranger: a role grant of acme does not reach globex''s members');
select ok(chassis.can('tests.widget.edit', 'tests.widget', '00000000-0000-0000-0000-0000000000a2'),
  'stranger: can() still answers his own role (tenant-relative: pair it with the tenant check)');
select results_eq($$ select resource_id from chassis.resource_grants $$,
  $$ values ('00000000-0000-0000-0000-0000000000a3'::uuid) $$, 'stranger: sees only the grant made to him');

-- Who may share.
select throws_ok($$ insert into chassis.resource_grants (tenant_id, resource_type, resource_id, action, grantee_user_id)
  values (tests.tenant_id('acme'), 'tests.widget', gen_random_uuid(), 'tests.widget.edit', tests.user_id('gary')) $$,
  '42501', null, 'stranger: cannot grant on acme''s resources');
select tests.authenticate_as('mia', 'acme');
select throws_ok($$ insert into chassis.resource_grants (tenant_id, resource_type, resource_id, action, grantee_role)
  values (tests.tenant_id('acme'), 'tests.widget', gen_random_uuid(), 'tests.widget.edit', 'member') $$,
  '42501', null, 'member: cannot share (chassis.grant.manage)');
select is_empty($$ delete from chassis.resource_grants returning id $$, 'member: cannot withdraw grants');
select tests.authenticate_as('adam', 'acme');
select is((select count(*)::int from chassis.resource_grants), 3, 'admin: sees acme''s grants');
select results_eq($$ with d as (delete from chassis.resource_grants returning id) select count(*)::int from d $$,
  $$ values (3) $$, 'admin: withdraws acme''s grants');

-- Grants of a suspended tenant stop working.
select tests.clear_authentication();
insert into chassis.resource_grants (tenant_id, resource_type, resource_id, action, grantee_user_id)
values (tests.tenant_id('umbrella'), 'tests.widget', '00000000-0000-0000-0000-0000000000b1', 'tests.widget.edit',
        tests.user_id('gary'));
select tests.authenticate_as('gary', 'globex');
select ok(not chassis.has_grant('tests.widget.edit', 'tests.widget', '00000000-0000-0000-0000-0000000000b1'),
  'a grant from a suspended tenant confers nothing');

select * from finish();
rollback;
