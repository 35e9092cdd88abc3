-- sql/tests/chassis/sign_in.test.sql — sign-in bootstrap (user + personal tenant, idempotent) and create_team.
-- Layer: chassis (tests).
begin;
select plan(21);
select tests.personas();
create temp table results (name text primary key, body jsonb) on commit drop;
grant select, insert on results to authenticated;
create function pg_temp.result(n text) returns jsonb language sql stable as $$ select body from results where name = n $$;

-- First sign-in creates the user and a personal tenant.
select tests.authenticate_as('zoe');
insert into results values ('first', api.sign_in());
select is(pg_temp.result('first') ->> 'created', 'true', 'first call creates the user');
select is((pg_temp.result('first') ->> 'user_id')::uuid, tests.user_id('zoe'),
  'the user is keyed by (iss, sub)');
select results_eq($$ select subject, email::text, name from api.me $$,
  $$ values ('zoe', 'zoe@example.test', 'Zoe') $$, 'the same request already sees the new user in me');
select results_eq($$ select kind, role from api.my_tenants $$, $$ values ('personal', 'owner') $$,
  'a personal tenant owned by the new user');
select is((select id from api.my_tenants), (pg_temp.result('first') ->> 'personal_tenant_id')::uuid,
  'sign_in returns the personal tenant');

-- Idempotent.
select tests.authenticate_as('zoe');
insert into results values ('second', api.sign_in());
select is(pg_temp.result('second') ->> 'created', 'false', 'second call creates nothing');
select is(pg_temp.result('second') -> 'user_id',
  pg_temp.result('first') -> 'user_id', 'second call returns the same user');
select is(pg_temp.result('second') -> 'personal_tenant_id',
  pg_temp.result('first') -> 'personal_tenant_id', 'and the same personal tenant');
select is((select count(*)::int from api.my_tenants), 1, 'still one personal tenant');

-- Claims refresh the profile.
select tests.authenticate_with(tests.claims('zoe') || '{"email": "zoe@new.test", "name": "Zoë"}');
select api.sign_in();
select results_eq($$ select email::text, name from api.me $$, $$ values ('zoe@new.test', 'Zoë') $$,
  'a later sign-in refreshes email and name from the claims');

-- Same subject, other issuer: another user.
select tests.authenticate_with(tests.claims('zoe') || '{"iss": "https://other.example"}');
select is((api.sign_in() ->> 'created'), 'true', 'the same subject from another issuer is another user');

-- Known users with a tenant claim.
select tests.authenticate_as('olivia', 'acme');
select is((api.sign_in() ->> 'created'), 'false', 'an existing user signs in with a tenant claim');

-- create_team.
select tests.authenticate_as('zoe');
select lives_ok($$ select api.create_team('Initech', 'initech') $$, 'a signed-in user creates a team');
select results_eq($$ select kind, role from api.my_tenants where slug = 'initech' $$, $$ values ('team', 'owner') $$,
  'the creator owns the new team');
select throws_ok($$ select api.create_team('Acme again', 'acme') $$, 'PT409', 'slug acme is taken', 'slugs are unique');
select throws_ok($$ select api.create_team('Bad', 'Bad Slug') $$, 'PT400', 'invalid slug Bad Slug', 'slugs are validated');
select throws_ok($$ select api.create_team('  ', 'blank') $$, 'PT400', 'a team needs a name', 'names are required');
select tests.authenticate_as('yuri');
select throws_ok($$ select api.create_team('Yuri Co', 'yuri-co') $$, 'PT401', 'not signed in',
  'an unknown user must sign in first');
select tests.as_anon();
select throws_ok($$ select api.create_team('Anon Co', 'anon-co') $$, '42501', null, 'anon: cannot create teams');

-- The audit trail attributes the bootstrap.
select tests.clear_authentication();
select results_eq(
  $$ select op, count(*)::int from chassis.audit_log
     where table_name = 'chassis.users' and new_row ->> 'subject' = 'zoe' group by op order by op $$,
  $$ values ('INSERT', 2), ('UPDATE', 1) $$, 'user inserts and the profile refresh are audited (two issuers, one update)'
);
select is_empty($$ select * from chassis.verify_audit_chain() $$, 'the audit chains are intact');

select * from finish();
rollback;
