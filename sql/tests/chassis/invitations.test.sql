-- sql/tests/chassis/invitations.test.sql — invite, accept, decline, revoke per persona: token shown once and
-- stored hashed, single use, expiry, email binding, role limits, tenant isolation. Layer: chassis (tests).
begin;
select plan(34);
select tests.personas();
create temp table tokens (name text primary key, token text, id uuid) on commit drop;
grant select, insert on tokens to authenticated, anon;
create function pg_temp.keep(n text, invitation jsonb) returns void language sql as $$
  insert into tokens values (n, invitation ->> 'token', (invitation ->> 'invitation_id')::uuid)
$$;
create function pg_temp.tok(n text) returns text language sql stable as $$ select token from tokens where name = n $$;
create function pg_temp.inv(n text) returns uuid language sql stable as $$ select id from tokens where name = n $$;

-- Who may invite.
select tests.authenticate_as('olivia', 'acme');
select pg_temp.keep('member', api.invite('member'));
select ok(pg_temp.tok('member') ~ '^inv_[0-9a-f]{48}$', 'owner: gets a token once');
select isnt_empty(
  $$ select from api.invitations where expires_at between now() + interval '7 days' - interval '1 second'
     and now() + interval '7 days' $$,
  'default validity is 7 days'
);
select pg_temp.keep('owner', api.invite('owner'));
select is((select count(*)::int from tokens), 2, 'owner: may invite owners');
select tests.authenticate_as('adam', 'acme');
select pg_temp.keep('admin', api.invite('admin'));
select is((select count(*)::int from tokens), 3, 'admin: may invite admins');
select throws_ok($$ select api.invite('owner') $$, 'PT403', 'only owners can invite owners', 'admin: cannot invite owners');
select tests.authenticate_as('mia', 'acme');
select throws_ok($$ select api.invite('member') $$, 'PT403', 'only owners and admins can invite', 'member: cannot invite');
select tests.authenticate_as('victor', 'acme');
select throws_ok($$ select api.invite('viewer') $$, 'PT403', 'only owners and admins can invite', 'viewer: cannot invite');
select tests.authenticate_as('olivia');
select throws_ok($$ select api.invite('member') $$, 'PT400', 'no tenant selected', 'no tenant: nothing to invite into');
select tests.authenticate_as('olivia', headers => jsonb_build_object('x-tenant-id', tests.personal_tenant_id('olivia')));
select throws_ok($$ select api.invite('member') $$, 'PT400', 'a personal tenant cannot have other members',
  'personal tenant: no invitations');
select tests.authenticate_as('olivia', 'acme');
select throws_ok($$ select api.invite('boss') $$, 'PT400', 'unknown role boss', 'unknown role refused');
select throws_ok($$ select api.invite('member', valid_for => '90 days') $$, 'PT400',
  'an invitation is valid for 5 minutes to 30 days', 'validity is bounded');

-- Only the hash is stored.
select tests.clear_authentication();
select results_eq(
  $$ select i.token_hash from chassis.invitations as i where i.id = pg_temp.inv('member') $$,
  array[sha256(convert_to(pg_temp.tok('member'), 'UTF8'))],
  'the stored hash is sha256 of the token'
);
select is_empty(
  $$ select 1 from chassis.invitations as i, tokens as t
     where position(convert_to(t.token, 'UTF8') in i.token_hash) > 0 $$,
  'no token is stored in clear'
);

-- Accept.
select tests.authenticate_as('zoe');
select throws_ok(format('select api.accept_invitation(%L)', pg_temp.tok('member')),
  'PT401', 'not signed in', 'unknown user: must sign in before accepting');
select tests.authenticate_as('nina');
select throws_ok($$ select api.accept_invitation('inv_nope') $$, 'PT404', 'invitation not found', 'unknown token');
select is(api.accept_invitation(pg_temp.tok('member')), tests.tenant_id('acme'),
  'invitee: accepting returns the tenant');
select tests.authenticate_as('nina', 'acme');
select is(chassis.current_tenant_role(), 'member', 'invitee: now a member with the invited role');
select throws_ok(format('select api.accept_invitation(%L)', pg_temp.tok('member')),
  'PT409', 'invitation already accepted', 'an invitation is single use');
select tests.authenticate_as('gary', 'globex');
select throws_ok(format('select api.accept_invitation(%L)', pg_temp.tok('member')),
  'PT409', 'invitation already accepted', 'a used token cannot be replayed by someone else');
select tests.authenticate_as('mia', 'acme');
select throws_ok(format('select api.accept_invitation(%L)', pg_temp.tok('admin')),
  'PT409', 'already a member of tenant acme', 'members cannot accept an invitation into their own tenant');

-- Email-bound invitations.
select tests.authenticate_as('olivia', 'acme');
select pg_temp.keep('bound', api.invite('viewer', 'Gary@Example.test'));
select tests.authenticate_as('nina');
select throws_ok(format('select api.accept_invitation(%L)', pg_temp.tok('bound')),
  'PT403', 'invitation was sent to another email address', 'someone else cannot use an email-bound invitation');
select tests.authenticate_as('gary');
select lives_ok(format('select api.accept_invitation(%L)', pg_temp.tok('bound')),
  'the addressee accepts (email compared case-insensitively)');

-- Expiry.
select tests.authenticate_as('olivia', 'acme');
select pg_temp.keep('short', api.invite('member', valid_for => '5 minutes'));
select tests.clear_authentication();
update chassis.invitations set expires_at = now() - interval '1 second'
where id = pg_temp.inv('short');
select tests.authenticate_as('nina');
select throws_ok(format('select api.accept_invitation(%L)', pg_temp.tok('short')),
  'PT409', null, 'an expired invitation cannot be accepted');

-- Decline.
select tests.authenticate_as('olivia', 'acme');
select pg_temp.keep('declined', api.invite('member'));
select tests.authenticate_as('suzy');
select lives_ok(format('select api.decline_invitation(%L)', pg_temp.tok('declined')),
  'invitee: declines');
select throws_ok(format('select api.accept_invitation(%L)', pg_temp.tok('declined')),
  'PT409', 'invitation already declined', 'a declined invitation cannot be accepted');

-- Revoke.
select tests.authenticate_as('mia', 'acme');
select throws_ok(format('select api.revoke_invitation(%L)', pg_temp.inv('owner')),
  'PT403', 'only owners and admins can revoke invitations', 'member: cannot revoke');
select tests.authenticate_as('gary', 'globex');
select throws_ok(format('select api.revoke_invitation(%L)', pg_temp.inv('owner')),
  'PT404', 'invitation not found', 'stranger: another tenant''s invitation does not exist for him');
select tests.authenticate_as('adam', 'acme');
select lives_ok(format('select api.revoke_invitation(%L)', pg_temp.inv('owner')),
  'admin: revokes a pending invitation');
select throws_ok(format('select api.revoke_invitation(%L)', pg_temp.inv('owner')),
  'PT409', 'invitation already revoked', 'revoking twice is a conflict');
select results_eq(
  format('select status, responded_by from api.invitations where id = %L', pg_temp.inv('owner')),
  format('values (%L, %L::uuid)', 'revoked', tests.user_id('adam')), 'the revocation is recorded'
);
select tests.authenticate_as('nina');
select throws_ok(format('select api.accept_invitation(%L)', pg_temp.tok('owner')),
  'PT409', 'invitation already revoked', 'a revoked invitation cannot be accepted');

-- A suspended tenant takes nobody in, even with a valid invitation.
select tests.clear_authentication();
insert into chassis.invitations (tenant_id, role, token_hash, expires_at)
values (tests.tenant_id('umbrella'), 'member', sha256(convert_to('inv_umbrella', 'UTF8')), now() + interval '1 day');
select tests.authenticate_as('nina');
select throws_ok($$ select api.accept_invitation('inv_umbrella') $$, 'PT403', 'tenant umbrella is suspended',
  'an invitation into a suspended tenant cannot be accepted');

-- Anonymous.
select tests.as_anon();
select throws_ok(format('select api.accept_invitation(%L)', pg_temp.tok('admin')),
  '42501', null, 'anon: cannot accept');
select throws_ok($$ select api.invite('member') $$, '42501', null, 'anon: cannot invite');

select * from finish();
rollback;
