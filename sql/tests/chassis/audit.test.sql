-- sql/tests/chassis/audit.test.sql — the audit log: who/what/when/before/after, append-only for every role,
-- hash chain per tenant that reports the first broken link, operator sessions, fail-closed writes.
-- Layer: chassis (tests).
begin;
select plan(28);
select tests.personas();
select is_empty($$ select * from chassis.verify_audit_chain() $$, 'fixtures leave intact chains');

-- Who, what, when, before, after.
select tests.authenticate_as('olivia', 'acme', headers => '{"x-request-id": "req-audit-1"}');
update api.my_tenants set name = 'Acme Two'
where id = tests.tenant_id('acme');
select tests.clear_authentication();
select results_eq(
  $$ select op, old_row ->> 'name', new_row ->> 'name', actor_id, via, envelope ->> 'request_id', at <= clock_timestamp()
     from chassis.audit_log
     where table_name = 'chassis.tenants' and op = 'UPDATE' and tenant_id = tests.tenant_id('acme') $$,
  $$ values ('UPDATE', 'Acme', 'Acme Two', tests.user_id('olivia'), 'api', 'req-audit-1', true) $$,
  'an update records actor, via, request, before and after'
);
select results_eq(
  $$ select tenant_id from chassis.audit_log where envelope ->> 'request_id' = 'req-audit-1' $$,
  array[tests.tenant_id('acme')], 'the row lands in its tenant''s chain'
);
select is_empty(
  $$ select seq from chassis.audit_log where tenant_id = tests.tenant_id('acme')
     except select generate_series(1, count(*)) from chassis.audit_log where tenant_id = tests.tenant_id('acme') $$,
  'each chain is numbered 1..n without gaps'
);

-- Reading: owners and admins of the current tenant only.
select tests.authenticate_as('adam', 'acme');
select ok((select count(*) from chassis.audit_log) > 0, 'admin: reads acme''s audit rows');
select is_empty($$ select 1 from chassis.audit_log where tenant_id is distinct from tests.tenant_id('acme') $$,
  'admin: only acme''s chain');
select tests.authenticate_as('mia', 'acme');
select is_empty($$ select 1 from chassis.audit_log $$, 'member: reads nothing');
select tests.authenticate_as('gary', 'globex');
select is_empty($$ select 1 from chassis.audit_log where tenant_id = tests.tenant_id('acme') $$,
  'stranger: nothing of acme');

-- Append-only for everyone.
select tests.authenticate_as('olivia', 'acme');
select throws_ok($$ insert into chassis.audit_log (seq, table_name, op, via, envelope, hash)
  values (99, 'x', 'INSERT', 'api', '{}', sha256('x')) $$, '42501', null, 'owner: cannot insert audit rows');
select throws_ok($$ update chassis.audit_log set new_row = '{}' $$, '42501', null, 'owner: cannot update audit rows');
select throws_ok($$ delete from chassis.audit_log $$, '42501', null, 'owner: cannot delete audit rows');
select tests.as_operator('ops@stance', 'audit test');
select throws_ok($$ update chassis.audit_log set new_row = '{}' $$, '42501', null, 'operator: cannot update');
select throws_ok($$ delete from chassis.audit_log $$, '42501', null, 'operator: cannot delete');
select throws_ok($$ truncate chassis.audit_log $$, '42501', null, 'operator: cannot truncate');
select tests.clear_authentication();
select throws_ok($$ update chassis.audit_log set new_row = '{}' $$, '42501',
  'chassis.audit_log is append-only: UPDATE refused', 'superuser: the trigger refuses updates');
select throws_ok($$ delete from chassis.audit_log $$, '42501',
  'chassis.audit_log is append-only: DELETE refused', 'superuser: the trigger refuses deletes');
select throws_ok($$ truncate chassis.audit_log $$, '42501',
  'chassis.audit_log is append-only: TRUNCATE refused', 'superuser: the trigger refuses truncate');

-- Operators are audited.
select tests.as_operator('ops@stance', 'rename acme on request');
update chassis.tenants set name = 'Acme Ops'
where slug = 'acme';
select tests.clear_authentication();
select results_eq(
  $$ select via, envelope ->> 'operator', envelope ->> 'reason' from chassis.audit_log
     where table_name = 'chassis.tenants' and new_row ->> 'name' = 'Acme Ops' $$,
  $$ values ('operator', 'ops@stance', 'rename acme on request') $$, 'an operator''s write names who and why'
);
select isnt_empty(
  $$ select from chassis.audit_log where op = 'OPERATOR_SESSION' and tenant_id is null
     and new_row ->> 'who' = 'ops@stance' and new_row ->> 'reason' = 'rename acme on request' $$,
  'opening an operator session is itself audited (global chain)'
);
select throws_ok($$ select chassis.operator_session('', 'x') $$, 'PT400', 'operator_session needs who and reason',
  'an operator session needs a name and a reason');
select tests.authenticate_as('olivia', 'acme');
select throws_ok($$ select chassis.operator_session('olivia', 'x') $$, '42501', null,
  'authenticated users cannot open operator sessions');

-- Fail closed without an envelope.
select tests.clear_authentication();
select tests.drop_envelope();
select throws_ok($$ update chassis.tenants set name = 'No Envelope' where slug = 'acme' $$, 'PT401',
  'no request envelope', 'a write without an envelope fails closed');
create table chassis.audit_probe (id int primary key, tenant_id uuid);
select chassis.enable_audit('chassis.audit_probe');
select throws_ok(format('insert into chassis.audit_probe values (1, %L)', tests.tenant_id('globex')), 'PT401',
  'no request envelope', 'enable_audit() alone also fails closed');
select tests.authenticate_as('gary', 'globex');
select tests.clear_authentication();
insert into chassis.audit_probe values (1, tests.tenant_id('globex'));
select results_eq(
  $$ select table_name, new_row ->> 'id' from chassis.audit_log where tenant_id = tests.tenant_id('globex') order by seq desc limit 1 $$,
  $$ values ('chassis.audit_probe', '1') $$, 'enable_audit() opts any table in, using its tenant_id column'
);

-- Tampering is detected: edit a row's content, then re-hash it (the next link breaks), then delete one.
select is_empty($$ select * from chassis.verify_audit_chain() $$, 'chains intact before tampering');
alter table chassis.audit_log disable trigger _000_append_only;
update chassis.audit_log set new_row = jsonb_set(new_row, '{role}', '"owner"')
where tenant_id = tests.tenant_id('acme') and seq = 3;
select results_eq($$ select chain_tenant_id, seq, problem from chassis.verify_audit_chain() $$,
  $$ values (tests.tenant_id('acme'), 3::bigint, 'row content does not match its hash') $$,
  'an edited row is reported as the first broken link of its chain');
update chassis.audit_log as a set hash = chassis.audit_digest(
  a.prev_hash, a.tenant_id, a.seq, a.table_name, a.op, a.old_row, a.new_row, a.actor_id, a.via, a.envelope, a.at
)
where tenant_id = tests.tenant_id('acme') and seq = 3;
select results_eq($$ select seq, problem from chassis.verify_audit_chain(tests.tenant_id('acme')) $$,
  $$ values (4::bigint, 'prev_hash does not match the previous row') $$,
  'a re-hashed row breaks the next link');
delete from chassis.audit_log
where tenant_id = tests.tenant_id('globex') and seq = 2;
alter table chassis.audit_log enable trigger _000_append_only;
select results_eq($$ select seq, problem from chassis.verify_audit_chain(tests.tenant_id('globex')) $$,
  $$ values (3::bigint, 'sequence gap: expected 2') $$, 'a deleted row is reported as a gap');

select * from finish();
rollback;
