-- sql/tests/verticals/architecture/radar_pages_personas.test.sql — the personas the radar, pattern-page and advisor
-- rule/question suites leave out: anon, signed in without a tenant, forged tenant claim, a tenant suspended after
-- it rated patterns. Layer: vertical (tests).
begin;
select plan(22);
select tests.personas();
\ir catalog_fixture.sql
select pg_temp.import_global(array[pg_temp.pattern('monolith', 'Monolith'), pg_temp.pattern('saga', 'Saga')]);
select tests.clear_authentication();

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
create temp table views (name text);
insert into views values ('architecture_radar'), ('architecture_radar_history'), ('architecture_pattern_pages'),
  ('architecture_advisor_questions'), ('architecture_advisor_rules');
grant select on views to anon, authenticated;

-- Fixtures in acme: a rating with history and a custom pattern.
select tests.authenticate_as('mia', 'acme', method => 'POST');
select lives_ok($$ select api.architecture_rate_pattern('saga', 'assess', 'two cross-service flows') $$,
  'member rates a pattern');
select tests.authenticate_as('adam', 'acme', method => 'POST');
select lives_ok($$ select api.architecture_save_custom_pattern(pg_temp.pattern('acme-cells', 'Acme Cells')) $$,
  'admin saves a custom pattern');

-- Anonymous: no grants on any of these objects.
select tests.as_anon();
select is((select count(*)::int from views
where pg_temp.outcome(format('select 1 from api.%I', views.name)) = '42501'),
  5, 'anon: radar, radar history, pattern pages, advisor questions and rules are all refused');
select is(pg_temp.outcome($$ select api.architecture_rate_pattern('saga', 'hold', 'x') $$), '42501',
  'anon: cannot rate');

-- Signed in, no tenant: global data only, no radar, no rating.
select tests.authenticate_as('nina');
select is((select count(*)::int from api.architecture_radar), 0, 'no tenant: the radar is empty');
select is((select count(*)::int from api.architecture_radar_history), 0, 'no tenant: no radar history');
select is((select count(*)::int from api.architecture_pattern_pages), 2, 'no tenant: the two global pattern pages');
select is((select count(*)::int from api.architecture_pattern_pages
where ring is not null), 0,
  'no tenant: pattern pages carry no ring');
select ok((select count(*) from api.architecture_advisor_questions) > 0, 'no tenant: advisor questions are readable');
select ok((select count(*) from api.architecture_advisor_rules) > 0, 'no tenant: advisor rules are readable');
select is(pg_temp.outcome($$ select api.architecture_rate_pattern('saga', 'hold', 'x') $$), 'PT400',
  'no tenant: rating needs a selected tenant');

-- The stranger: acme's custom page and ring stay invisible; the rules are the same for everyone.
select tests.authenticate_as('gary', 'globex');
select is((select count(*)::int from api.architecture_pattern_pages
where slug = 'acme-cells'), 0,
  'stranger: acme''s custom pattern page is invisible');
select is((select ring from api.architecture_pattern_pages
where slug = 'saga'), null,
  'stranger: acme''s ring does not show on the page');
select is((select count(*) from api.architecture_advisor_rules), (select count(*) from architecture.advisor_rules),
  'stranger: reads the whole rule table');

-- Forged tenant claim: refused before any object runs.
select tests.clear_authentication();
select throws_ok($$ select tests.authenticate_forged('gary', 'acme') $$, 'PT403', null,
  'forged: gary claiming acme is refused at pre_request');

-- Viewer of acme reads the ring on the page.
select tests.authenticate_as('victor', 'acme');
select is((select ring from api.architecture_pattern_pages
where slug = 'saga'), 'assess',
  'viewer: the page shows the tenant''s ring');
select is((select count(*)::int from api.architecture_pattern_pages
where slug = 'acme-cells'), 1,
  'viewer: sees the tenant''s custom pattern page');

-- acme suspended after rating: every member is refused, its history stays.
select tests.clear_authentication();
select tests.as_operator('tests', 'radar suspension');
select lives_ok($$ select ops.suspend_tenant('acme', 'unpaid invoices') $$, 'operator suspends acme');
select tests.clear_authentication();
select throws_ok($$ select tests.authenticate_as('mia', 'acme', method => 'POST') $$, 'PT403',
  'tenant acme is suspended', 'suspended: the member who rated is refused');
select throws_ok($$ select tests.authenticate_as('olivia', 'acme') $$, 'PT403', 'tenant acme is suspended',
  'suspended: its owner is refused');
select is((select count(*)::int from architecture.radar_events
where tenant_id = tests.tenant_id('acme')), 1,
  'suspended: the radar history is kept');
select throws_ok($$ select tests.authenticate_as('mia', 'umbrella') $$, 'PT403', 'tenant umbrella is suspended',
  'suspended: a viewer of the suspended umbrella is refused');

select * from finish();
rollback;
