-- sql/tests/chassis/api_anon.test.sql — anon (no JWT) reaches no chassis view or RPC: every call is 42501, as
-- PostgREST answers 401. Layer: chassis (tests).
begin;
select plan(13);
select tests.personas();
select tests.as_anon();

select throws_ok($$ select * from api.me $$, '42501', null, 'anon: me');
select throws_ok($$ select * from api.my_tenants $$, '42501', null, 'anon: my_tenants');
select throws_ok($$ select * from api.members $$, '42501', null, 'anon: members');
select throws_ok($$ select * from api.invitations $$, '42501', null, 'anon: invitations');
select throws_ok($$ select api.sign_in() $$, '42501', null, 'anon: sign_in');
select throws_ok($$ select api.create_team('Anon', 'anon-team') $$, '42501', null, 'anon: create_team');
select throws_ok($$ select api.invite('member') $$, '42501', null, 'anon: invite');
select throws_ok($$ select api.accept_invitation('inv_x') $$, '42501', null, 'anon: accept_invitation');
select throws_ok($$ select api.decline_invitation('inv_x') $$, '42501', null, 'anon: decline_invitation');
select throws_ok($$ select api.revoke_invitation(gen_random_uuid()) $$, '42501', null, 'anon: revoke_invitation');
select throws_ok(format('select api.change_member_role(%L, %L)', tests.user_id('mia'), 'owner'), '42501', null,
  'anon: change_member_role');
select throws_ok(format('select api.remove_member(%L)', tests.user_id('mia')), '42501', null, 'anon: remove_member');
select throws_ok($$ select api.leave_tenant() $$, '42501', null, 'anon: leave_tenant');

select * from finish();
rollback;
