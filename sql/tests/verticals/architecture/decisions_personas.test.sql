-- sql/tests/verticals/architecture/decisions_personas.test.sql — adversarial checks of every ADR api object per
-- persona: owner, admin, member, viewer, stranger, signed-in without tenant, anon, suspended tenant.
-- Layer: vertical (tests).
begin;
select plan(29);
select tests.personas();

-- The outcome of a statement, 'ok' or its SQLSTATE; its effects are always rolled back.
create function pg_temp.outcome(statement text) returns text language plpgsql as $$
begin
  begin
    execute statement;
    raise sqlstate 'TSTOK';
  exception when sqlstate 'TSTOK' then
    return 'ok';
  end;
exception when others then
  return sqlstate;
end;
$$;
create temp table calls (name text, sql text);
create temp table views (name text);
insert into views values ('architecture_decisions'), ('architecture_decision_options'),
  ('architecture_decision_relations'), ('architecture_decision_history'), ('architecture_decision_review_flags'),
  ('architecture_decisions_by_pattern');
grant select on calls, views to anon, authenticated;
-- Rows visible per api view to the current caller.
create function pg_temp.visible() returns table (name text, n int) language plpgsql as $$
declare
  v text;
begin
  for v in select views.name from views loop
    name := v;
    execute format('select count(*)::int from api.%I', v) into n;
    return next;
  end loop;
end;
$$;

-- Fixtures in acme: an accepted record relying on a pattern (with options), a member's draft, a review flag.
select tests.authenticate_as('adam', 'acme');
select r ->> 'id' as accepted_id from api.architecture_decision_import(
  '{"title": "Use microservices", "options": [{"title": "Microservices"}, {"title": "Modular monolith"}],
    "outcome": {"chosen_option": "Microservices", "justification": "team autonomy"}}', status => 'accepted') as r \gset
select extensions.gen_random_uuid() as claim_id \gset
select tests.clear_authentication();
insert into architecture.patterns (
  slug, name, category, complexity, team_size, summary, when_to_use, when_not_to_use, key_components, pros, cons,
  overview, content_hash
) values (
  'microservices', 'Microservices', 'system', 4, '10+', 'Independently deployable services.', array['many teams'],
  array['one small team'], '[]', '[]', '[]', 'Services own their data.', 'test'
) returning id as pattern_id \gset
select tests.authenticate_as('adam', 'acme');
select api.architecture_decision_link(:'accepted_id', 'relies_on', pattern_id => :'pattern_id') as pattern_link_id \gset
select tests.authenticate_as('mia', 'acme');
select id as draft_id from api.architecture_decision_create('Adopt a service mesh') \gset
select api.architecture_decision_link(:'draft_id', 'relates_to', target_id => :'accepted_id') as draft_link_id \gset
select tests.clear_authentication();
select architecture.flag_decisions_for_pattern_warning(tests.tenant_id('acme'), :'pattern_id', :'claim_id',
  '{"quote": "Microservices multiply failure modes."}');
select id as flag_id from architecture.decision_review_flags \gset

insert into calls values
('create', $$ select api.architecture_decision_create('Persona record') $$),
('update', format($$ select api.architecture_decision_update(%L, '{"context": "edited"}') $$, :'draft_id')),
('transition', format($$ select api.architecture_decision_transition(%L, 'proposed') $$, :'draft_id')),
('supersede', format($$ select api.architecture_decision_supersede(%L, 'Successor') $$, :'accepted_id')),
('link', format($$ select api.architecture_decision_link(%L, 'depends_on', target_id => %L) $$, :'draft_id', :'accepted_id')),
('unlink', format($$ select api.architecture_decision_unlink(%L) $$, :'draft_link_id')),
('import', $$ select api.architecture_decision_import('{"title": "Imported by persona"}') $$),
('import_links', format($$ select api.architecture_decision_import_links(%L, '[]') $$, :'draft_id')),
('review_flag_resolve', format($$ select api.architecture_decision_review_flag_resolve(%L, 'dismissed') $$, :'flag_id'));

-- Owner: reads everything, may do everything.
select tests.authenticate_as('olivia', 'acme');
select is((select count(*)::int from pg_temp.visible()
where n = 0), 0, 'owner: every ADR view shows acme rows');
select results_eq($$ select name, pg_temp.outcome(sql) from calls order by name $$,
  $$ values ('create', 'ok'), ('import', 'ok'), ('import_links', 'ok'), ('link', 'ok'), ('review_flag_resolve', 'ok'),
    ('supersede', 'ok'), ('transition', 'ok'), ('unlink', 'ok'), ('update', 'ok') $$,
  'owner: every ADR RPC succeeds');

-- Admin: same rights, shown on a fresh draft taken to acceptance.
select tests.authenticate_as('adam', 'acme');
select is((select count(*)::int from pg_temp.visible()
where n = 0), 0, 'admin: every ADR view shows acme rows');
select id as admin_draft_id from api.architecture_decision_create('Admin draft') \gset
select is((api.architecture_decision_transition(:'admin_draft_id', 'proposed')).status, 'proposed', 'admin: proposes');
select is((api.architecture_decision_transition(:'admin_draft_id', 'accepted')).status, 'accepted', 'admin: accepts');

-- Member: reads, drafts and links drafts; cannot decide or resolve flags.
select tests.authenticate_as('mia', 'acme');
select is((select count(*)::int from pg_temp.visible()
where n = 0), 0, 'member: every ADR view shows acme rows');
select id as mia_draft_id from api.architecture_decision_create('Member draft') \gset
select is((api.architecture_decision_update(:'mia_draft_id', '{"tags": ["mesh"]}')).tags, array['mesh'],
  'member: edits a draft');
select isnt(api.architecture_decision_link(:'mia_draft_id', 'relies_on', pattern_id => :'pattern_id'), null,
  'member: links a draft to a pattern');
select is(pg_temp.outcome(format($$ select api.architecture_decision_link(%L, 'relates_to', target_id => %L) $$,
  :'accepted_id', :'mia_draft_id')), 'PT403', 'member: cannot link an accepted record');
select is(pg_temp.outcome(format($$ select api.architecture_decision_update(%L, '{"context": "x"}') $$,
  :'accepted_id')), 'PT403', 'member: cannot edit an accepted record');
select is(pg_temp.outcome(format($$ select api.architecture_decision_review_flag_resolve(%L, 'resolved') $$,
  :'flag_id')), 'PT403', 'member: cannot resolve a review flag');

-- Viewer: reads everything, every write is refused.
select tests.authenticate_as('victor', 'acme');
select is((select count(*)::int from pg_temp.visible()
where n = 0), 0, 'viewer: every ADR view shows acme rows');
select results_eq($$ select name, pg_temp.outcome(sql) from calls order by name $$,
  $$ values ('create', 'PT403'), ('import', 'PT403'), ('import_links', 'PT403'), ('link', 'PT403'),
    ('review_flag_resolve', 'PT403'), ('supersede', 'PT403'), ('transition', 'PT403'), ('unlink', 'PT403'),
    ('update', 'PT403') $$,
  'viewer: every ADR RPC is refused with PT403');
select is_empty(
  format($$ update api.architecture_decisions set title = 'viewer was here' where id = %L returning id $$, :'draft_id'),
  'viewer: PATCH through the view changes nothing');

-- Stranger (owner of globex): sees nothing of acme, cannot touch it by id, works in his own tenant.
select tests.authenticate_as('gary', 'globex');
select is((select sum(n)::int from pg_temp.visible()), 0, 'stranger: every ADR view is empty');
select results_eq($$ select name, pg_temp.outcome(sql) from calls where name not in ('create', 'import') order by name $$,
  $$ values ('import_links', 'PT404'), ('link', 'PT404'), ('review_flag_resolve', 'PT404'), ('supersede', 'PT404'),
    ('transition', 'PT404'), ('unlink', 'PT404'), ('update', 'PT404') $$,
  'stranger: acme records are not found');
select is((api.architecture_decision_import('{"title": "Hijack"}', uid => :'accepted_id')) ->> 'number', '1',
  'stranger: importing with an acme uid creates his own record');
select is_empty(
  format($$ update api.architecture_decisions set title = 'stranger was here' where id = %L returning id $$, :'draft_id'),
  'stranger: PATCH of an acme record changes nothing');
select throws_ok(format($$ select architecture.flag_decisions_for_pattern_warning(%L, %L, %L) $$,
  tests.tenant_id('acme'), :'pattern_id', extensions.gen_random_uuid()), '42501', null,
  'stranger: cannot raise review flags (sidecar/owner only)');
select is(
  (select count(*)::int from architecture.decisions), 1, 'stranger: base tables show only his own tenant too');

-- Signed in without a tenant.
select tests.authenticate_as('nina');
select is((select sum(n)::int from pg_temp.visible()), 0, 'no tenant: every ADR view is empty');
select is(pg_temp.outcome($$ select api.architecture_decision_create('Nowhere') $$), 'PT403',
  'no tenant: cannot create');

-- Anonymous: no grants at all.
select tests.as_anon();
select is(pg_temp.outcome('select 1 from api.architecture_decisions'), '42501', 'anon: cannot read decisions');
select is(
  (select count(*)::int from views
where pg_temp.outcome(format('select 1 from api.%I', views.name)) = '42501'), 6,
  'anon: every ADR view is refused');
select is(
  (select count(*)::int from calls
where pg_temp.outcome(calls.sql) = '42501'), 9, 'anon: every ADR RPC is refused');

-- Suspended tenant: the request is refused before any ADR object runs.
select tests.clear_authentication();
select throws_ok($$ select tests.authenticate_as('suzy', 'umbrella') $$, 'PT403', 'tenant umbrella is suspended',
  'suspended tenant: its owner is refused');
select throws_ok($$ select tests.authenticate_as('mia', 'umbrella') $$, 'PT403', 'tenant umbrella is suspended',
  'suspended tenant: a member of another tenant is refused there too');
select tests.authenticate_as('mia', 'acme');

-- History is readable and records the persona actions; nobody deleted anything.
select isnt_empty(
  format($$ select 1 from api.architecture_decision_history where decision_id = %L and to_status = 'proposed' $$,
    :'admin_draft_id'), 'member: reads the history of records she did not write');
select throws_ok('delete from architecture.decisions', '42501', null, 'member: records cannot be deleted');

select * from finish();
rollback;
