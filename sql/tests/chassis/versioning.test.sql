-- sql/tests/chassis/versioning.test.sql — optimistic concurrency through PostgREST's request model: version in
-- the body or If-Match (request.headers) → PT409 naming the current version; bumps; fail closed.
-- Layer: chassis (tests).
begin;
select plan(18);
select tests.personas();

-- Body-carried version (PATCH /my_tenants?id=eq.… {"name": …, "version": n}).
select tests.authenticate_as('olivia', 'acme', method => 'PATCH');
select results_eq(
  $$ update api.my_tenants set name = 'Acme 2', version = 1 where id = tests.tenant_id('acme') returning version $$,
  $$ values (2) $$, 'a write carrying the current version succeeds and bumps it'
);
select throws_ok(
  $$ update api.my_tenants set name = 'Acme 3', version = 1 where id = tests.tenant_id('acme') $$,
  'PT409', 'stale version: current version is 2', 'a stale version in the body is refused, naming the current one'
);
select throws_ok(
  $$ update api.my_tenants set name = 'Acme 3', version = 7 where id = tests.tenant_id('acme') $$,
  'PT409', 'stale version: current version is 2', 'a version from the future is refused too'
);
select results_eq($$ update api.my_tenants set name = 'Acme 3' where id = tests.tenant_id('acme') returning version $$,
  $$ values (3) $$, 'a write without a version is unconditional and still bumps');

-- If-Match header.
select tests.authenticate_as('olivia', 'acme', headers => '{"if-match": "2"}', method => 'PATCH');
select throws_ok($$ update api.my_tenants set name = 'Stale' where id = tests.tenant_id('acme') $$,
  'PT409', 'stale version: current version is 3', 'a stale If-Match is refused');
select tests.authenticate_as('olivia', 'acme', headers => '{"if-match": "W/\"3\""}', method => 'PATCH');
select results_eq($$ update api.my_tenants set name = 'Weak' where id = tests.tenant_id('acme') returning version $$,
  $$ values (4) $$, 'a matching weak ETag W/"n" passes');
select tests.authenticate_as('olivia', 'acme', headers => '{"if-match": "\"4\""}', method => 'PATCH');
select results_eq($$ update api.my_tenants set name = 'Strong' where id = tests.tenant_id('acme') returning version $$,
  $$ values (5) $$, 'a matching quoted ETag "n" passes');
select tests.authenticate_as('olivia', 'acme', headers => '{"if-match": "*"}', method => 'PATCH');
select lives_ok($$ update api.my_tenants set name = 'Any' where id = tests.tenant_id('acme') $$, 'If-Match: * passes');
select tests.authenticate_as('olivia', 'acme', headers => '{"if-match": "abc"}', method => 'PATCH');
select throws_ok($$ update api.my_tenants set name = 'Bad' where id = tests.tenant_id('acme') $$,
  'PT400', 'If-Match must carry a row version, got abc', 'a malformed If-Match is a bad request');

-- RPC calls (POST) ignore If-Match: it names the row of a PATCH/DELETE, not every row an RPC touches.
select tests.authenticate_as('olivia', 'acme', headers => '{"if-match": "99"}', method => 'POST');
select lives_ok(format('select api.change_member_role(%L, %L)', tests.user_id('mia'), 'admin'),
  'an RPC with an unrelated If-Match works');
select results_eq(format('select version from api.members where user_id = %L', tests.user_id('mia')),
  $$ values (2) $$, 'RPC writes bump versions too');

-- enable_versioning() on any table; DELETE honours If-Match; INSERT starts at 1.
select tests.clear_authentication();
create table chassis.version_probe (id int primary key, note text);
select chassis.enable_versioning('chassis.version_probe');
select has_column('chassis', 'version_probe', 'version', 'enable_versioning() adds the version column');
insert into chassis.version_probe (id, note, version) values (1, 'a', 42);
select results_eq($$ select version from chassis.version_probe $$, array[1], 'inserts start at version 1 whatever is sent');
update chassis.version_probe set note = 'b';
select set_config('request.headers', '{"if-match": "1"}', true);
select set_config('request.method', 'DELETE', true);
select throws_ok($$ delete from chassis.version_probe where id = 1 $$, 'PT409', 'stale version: current version is 2',
  'a DELETE with a stale If-Match is refused');
select set_config('request.headers', '{"if-match": "2"}', true);
select results_eq($$ delete from chassis.version_probe where id = 1 returning id $$, $$ values (1) $$,
  'a DELETE with the current If-Match succeeds');

-- Fail closed.
select tests.drop_envelope();
select throws_ok($$ insert into chassis.version_probe (id, note) values (2, 'x') $$, 'PT401', 'no request envelope',
  'an insert without an envelope fails closed');
select throws_ok($$ update chassis.memberships set role = 'viewer' $$, 'PT401', 'no request envelope',
  'an update without an envelope fails closed, even for the superuser');
select throws_ok($$ delete from chassis.memberships $$, 'PT401', 'no request envelope',
  'a delete without an envelope fails closed');

select * from finish();
rollback;
