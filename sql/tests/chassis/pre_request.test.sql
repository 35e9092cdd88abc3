-- sql/tests/chassis/pre_request.test.sql — db-pre-request per persona: envelope, getters, exact PT401/PT403.
-- Layer: chassis (tests).
begin;
select plan(37);
select tests.personas();

-- Owner with a tenant_id claim.
select lives_ok($$ select tests.authenticate_as('olivia', 'acme') $$, 'owner: claim for her tenant passes');
select is(current_user::text, 'authenticated', 'owner: runs as the JWT role');
select is(chassis.current_user_id(), tests.user_id('olivia'), 'owner: current_user_id() is olivia');
select is(chassis.current_tenant_id(), tests.tenant_id('acme'), 'owner: current_tenant_id() is acme');
select is(chassis.current_tenant_role(), 'owner', 'owner: current_tenant_role() is owner');
select set_eq(
  $$ select chassis.current_tenant_ids() $$,
  array[tests.tenant_id('acme'), tests.personal_tenant_id('olivia')],
  'owner: current_tenant_ids() are acme and her personal tenant'
);
select is(chassis.envelope() ->> 'via', 'api', 'owner: via is api');
select ok((chassis.envelope() ->> 'request_id') is not null, 'owner: a request id is minted');
select is(chassis.envelope() ->> 'user_id', tests.user_id('olivia')::text, 'owner: envelope carries the user');
select is(chassis.envelope() ->> 'tenant_id', tests.tenant_id('acme')::text, 'owner: envelope carries the tenant');

-- Other roles of acme.
select tests.authenticate_as('adam', 'acme');
select is(chassis.current_tenant_role(), 'admin', 'admin: role admin');
select tests.authenticate_as('mia', 'acme');
select is(chassis.current_tenant_role(), 'member', 'member: role member');
select tests.authenticate_as('victor', 'acme');
select is(chassis.current_tenant_role(), 'viewer', 'viewer: role viewer (a new pre_request replaces the envelope)');

-- Tenant from the x-tenant-id header, request id from x-request-id.
select tests.authenticate_as(
  'adam', headers => jsonb_build_object('x-tenant-id', tests.tenant_id('acme'), 'x-request-id', 'req-123')
);
select is(chassis.current_tenant_id(), tests.tenant_id('acme'), 'x-tenant-id header selects the tenant');
select is(chassis.envelope() ->> 'request_id', 'req-123', 'x-request-id becomes the request id');

-- No tenant selected.
select tests.authenticate_as('olivia');
select is(chassis.current_user_id(), tests.user_id('olivia'), 'no tenant: the user is still resolved');
select is(chassis.current_tenant_id(), null, 'no tenant: current_tenant_id() is null');
select is(chassis.current_tenant_role(), null, 'no tenant: current_tenant_role() is null');

-- Stranger and forged claims.
select throws_ok(
  $$ select tests.authenticate_forged('gary', 'acme') $$,
  'PT403', format('not a member of tenant %s', tests.tenant_id('acme')),
  'stranger: forged tenant_id claim is refused'
);
select throws_ok(
  format(
    'select tests.authenticate_as(%L, headers => %L)', 'gary',
    jsonb_build_object('x-tenant-id', tests.tenant_id('acme'))
  ),
  'PT403', format('not a member of tenant %s', tests.tenant_id('acme')),
  'stranger: forged x-tenant-id header is refused'
);
select throws_ok(
  format('select tests.authenticate_with(%L)', tests.claims('olivia') || '{"tenant_id": "00000000-0000-0000-0000-000000000001"}'),
  'PT403', 'not a member of tenant 00000000-0000-0000-0000-000000000001',
  'a tenant that does not exist looks like any tenant one is not a member of'
);
select throws_ok(
  format('select tests.authenticate_with(%L)', tests.claims('olivia') || '{"tenant_id": "acme"}'),
  'PT401', 'malformed tenant id acme', 'a tenant_id that is not a uuid is refused'
);

-- Suspended tenant, deactivated user.
select throws_ok($$ select tests.authenticate_as('suzy', 'umbrella') $$,
  'PT403', 'tenant umbrella is suspended', 'suspended tenant: its owner is refused');
select throws_ok($$ select tests.authenticate_as('mia', 'umbrella') $$,
  'PT403', 'tenant umbrella is suspended', 'suspended tenant: its viewer is refused');
select throws_ok($$ select tests.authenticate_as('dora', 'acme') $$,
  'PT403', 'user is deactivated', 'deactivated user: refused with a tenant');
select throws_ok($$ select tests.authenticate_as('dora') $$,
  'PT403', 'user is deactivated', 'deactivated user: refused without a tenant');

-- Unknown users may only sign in.
select lives_ok($$ select tests.authenticate_as('zoe') $$, 'unknown user without tenant passes (to sign in)');
select is(chassis.current_user_id(), null, 'unknown user: current_user_id() is null');
select throws_ok(
  format('select tests.authenticate_with(%L)', tests.claims('zoe') || jsonb_build_object('tenant_id', tests.tenant_id('acme'))),
  'PT403', 'unknown user cannot select a tenant', 'unknown user with a tenant claim is refused'
);

-- Broken tokens.
select throws_ok($$ select tests.authenticate_with('{"role": "authenticated", "iss": "https://dev.stance.local"}') $$,
  'PT401', 'jwt claim "sub" is missing', 'authenticated token without sub');
select throws_ok($$ select tests.authenticate_with('{"role": "authenticated", "sub": "olivia"}') $$,
  'PT401', 'jwt claim "iss" is missing', 'authenticated token without iss');
select throws_ok(
  format('select tests.authenticate_with(%L)', tests.claims('olivia', 'acme') || '{"iss": "https://evil.example"}'),
  'PT403', 'unknown user cannot select a tenant',
  'the same subject from another issuer is another (unknown) user'
);

-- Anonymous.
select tests.as_anon();
select is(current_user::text, 'anon', 'anon: runs as anon');
select is(chassis.current_user_id(), null, 'anon: no user');
select is(chassis.envelope() ->> 'via', 'api', 'anon: still gets an envelope');

-- Worker hint.
select tests.clear_authentication();
select set_config('stance.via_hint', 'worker', true);
select set_config('stance.job_id', '42', true);
select tests.authenticate_as('mia', 'acme');
select is(chassis.envelope() ->> 'via', 'worker', 'worker: via_hint marks the envelope');
select is(chassis.envelope() ->> 'job_id', '42', 'worker: the job id travels in the envelope');

select * from finish();
rollback;
