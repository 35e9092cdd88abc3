-- sql/tests/chassis/ops_console.test.sql — the operator console: questions answer in one select, actions refuse
-- non-operators and blank reasons, and every action leaves an audit row carrying the reason. Layer: chassis (tests).
begin;
select plan(22);
select tests.personas();
select chassis.register_counter('tests.widgets', 'widgets made', 'month');
select chassis.register_plan('free', 'Free', true);

-- Who may use ops at all.
select tests.authenticate_as('olivia', 'acme');
select throws_ok($$ select * from ops.tenants $$, '42501', null, 'owner: cannot read ops views');
select throws_ok($$ select ops.suspend_tenant('globex', 'because') $$, '42501', null, 'owner: cannot suspend');
select tests.as_anon();
select throws_ok($$ select ops.reactivate_tenant('umbrella', 'because') $$, '42501', null, 'anon: cannot reactivate');
select tests.clear_authentication();
set local role sidecar;
select throws_ok($$ select ops.suspend_tenant('globex', 'because') $$, '42501', null, 'sidecar: cannot suspend');
reset role;

select tests.as_operator('olga', 'on call');
select results_eq(
  $$ select slug, status, plan_id, members from ops.tenants where slug in ('acme', 'umbrella') order by slug $$,
  $$ values ('acme', 'active', 'free', 5::bigint), ('umbrella', 'suspended', 'free', 2::bigint) $$,
  'operator: ops.tenants shows status, plan and members'
);

-- Reasons are required.
select throws_ok($$ select ops.suspend_tenant('globex', null) $$, 'PT400', 'suspend_tenant needs a reason',
  'suspend without a reason is refused');
select throws_ok($$ select ops.suspend_tenant('globex', '   ') $$, 'PT400', 'suspend_tenant needs a reason',
  'suspend with a blank reason is refused');
select throws_ok($$ select ops.reactivate_tenant('umbrella', '') $$, 'PT400', 'reactivate_tenant needs a reason',
  'reactivate without a reason is refused');
select throws_ok($$ select ops.suspend_tenant('nowhere', 'x') $$, 'PT404', 'no tenant nowhere', 'unknown tenant');

-- Suspend, audited with the reason.
select is(ops.suspend_tenant('globex', 'chargeback #42'), 'suspended', 'operator: suspends globex');
select is((select status from ops.tenants
where slug = 'globex'), 'suspended', 'globex is suspended');
select results_eq(
  $$ select op, operator, reason, old_row ->> 'status', new_row ->> 'status' from ops.audit
     where tenant_slug = 'globex' and table_name = 'chassis.tenants' order by id desc limit 1 $$,
  $$ values ('UPDATE', 'olga', 'suspend_tenant: chargeback #42', 'active', 'suspended') $$,
  'the suspension is in globex''s audit chain with the operator and the reason'
);
select is(
  (select count(*)::int from ops.audit
where op = 'OPERATOR_SESSION' and new_row ->> 'reason' = 'suspend_tenant: chargeback #42'),
  1, 'the operator session row carries the reason too'
);
select tests.clear_authentication();
select throws_ok($$ select tests.authenticate_as('gary', 'globex') $$, 'PT403', null,
  'a member of the suspended tenant is refused');

select tests.as_operator('olga', 'on call');
select is(ops.reactivate_tenant('globex', 'paid'), 'active', 'operator: reactivates globex');
select is(
  (select reason from ops.audit
where tenant_slug = 'globex' and table_name = 'chassis.tenants'
order by id desc limit 1),
  'reactivate_tenant: paid', 'the reactivation is audited with its reason'
);
select tests.clear_authentication();
select lives_ok($$ select tests.authenticate_as('gary', 'globex') $$, 'the reactivated tenant works again');

-- Questions: audit search, chain verification, usage, webhook and billing health.
select tests.as_operator('olga', 'on call');
select ok(
  (select count(*) from ops.audit
where tenant_slug = 'globex' and at >= now() - interval '1 minute') >= 2,
  'audit search by tenant and time'
);
select is((select count(*)::int from ops.audit_chain
where not intact), 0, 'every audit chain verifies');
reset role;
alter table chassis.audit_log disable trigger _000_append_only;
update chassis.audit_log set new_row = '{"forged": true}'
where id = (select max(id) from chassis.audit_log
where tenant_id = tests.tenant_id('globex'));
alter table chassis.audit_log enable trigger _000_append_only;
set local role operator;
select results_eq(
  $$ select chain, intact, problem from ops.audit_chain where not intact $$,
  $$ values ('globex', false, 'row content does not match its hash') $$,
  'a forged audit row shows up as globex''s first broken link'
);
select is((select count(*)::int from ops.webhook_health), 0, 'webhook health: no endpoints yet');
select is((select count(*)::int from ops.billing_events), 0, 'billing events: none received yet');

select * from finish();
rollback;
