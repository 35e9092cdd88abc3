-- sql/tests/verticals/architecture/catalog_personas.test.sql — the global catalog and tenant-private custom
-- patterns per persona: who reads, who writes, nothing crosses tenants. Layer: vertical (tests).
begin;
select plan(24);
select tests.personas();
\ir catalog_fixture.sql
select pg_temp.import_global(array[
  pg_temp.pattern('monolith', 'Monolith'), pg_temp.pattern('microservices', 'Microservices', complexity => 4)
]);
select tests.clear_authentication();

-- Global catalog: every signed-in user, with or without a tenant; never anon.
select tests.authenticate_as('gary', 'globex');
select is((select count(*)::int from api.architecture_patterns), 2, 'stranger (globex owner) reads the global catalog');
select tests.authenticate_as('nina');
select is((select count(*)::int from api.architecture_patterns), 2, 'a user without a tenant reads the global catalog');
select tests.authenticate_as('victor', 'acme');
select is((select scope from api.architecture_patterns
    where slug = 'monolith'), 'global', 'viewer sees global scope');
select tests.as_anon();
select throws_ok($$ select * from api.architecture_patterns $$, '42501', null, 'anon cannot read the catalog');
select throws_ok($$ select api.architecture_save_custom_pattern('{}') $$, '42501', null,
  'anon cannot call the custom-pattern RPC');

-- Custom patterns: owners and admins write their tenant's, members and viewers only read them.
select tests.authenticate_as('adam', 'acme', method => 'POST');
select is(api.architecture_save_custom_pattern(pg_temp.pattern('acme-cells', 'Acme Cells', related => '{monolith}'))
  ->> 'outcome', 'created', 'admin creates a custom pattern');
select is(api.architecture_save_custom_pattern(pg_temp.pattern('acme-cells', 'Acme Cells', related => '{monolith}'))
  ->> 'outcome', 'unchanged', 'saving identical content again changes nothing');
select is(api.architecture_save_custom_pattern(pg_temp.pattern('acme-cells', 'Acme Cells v2', related => '{monolith}'))
  ->> 'revision', '2', 'changed content makes revision 2');
select is((select count(*)::int from api.architecture_pattern_revisions
    where slug = 'acme-cells'), 2,
  'admin sees both revisions of the custom pattern');
select throws_like($$ select api.architecture_save_custom_pattern('{"slug": "Bad Slug"}') $$,
  'invalid pattern%', 'an invalid payload is a 400 naming the pattern');
select tests.authenticate_as('olivia', 'acme', method => 'POST');
select lives_ok($$ select api.architecture_save_custom_pattern(pg_temp.pattern('acme-ledger', 'Acme Ledger')) $$,
  'owner creates a custom pattern');

select tests.authenticate_as('mia', 'acme');
select is((select count(*)::int from api.architecture_patterns
    where scope = 'custom'), 2,
  'member reads her tenant''s custom patterns');
select throws_ok($$ select api.architecture_save_custom_pattern(pg_temp.pattern('mia-x', 'Mia X')) $$,
  'PT403', 'only tenant owners and admins import private patterns', 'member cannot create custom patterns');
select throws_ok($$ select api.architecture_delete_custom_pattern('acme-ledger') $$,
  'PT403', null, 'member cannot delete custom patterns');
select throws_ok($$ insert into architecture.patterns (tenant_id, slug, name, category, complexity, team_size, summary,
    when_to_use, when_not_to_use, key_components, pros, cons, overview, content_hash)
  values (null, 'rogue', 'Rogue', 'system', 1, 'Any', 's', '{a}', '{b}', '[]', '[]', '[]', 'o', 'h') $$,
  '42501', null, 'member cannot write a global pattern directly');
select tests.authenticate_as('victor', 'acme');
select throws_ok($$ select api.architecture_save_custom_pattern(pg_temp.pattern('vic-x', 'Vic X')) $$,
  'PT403', null, 'viewer cannot create custom patterns');

select tests.authenticate_as('gary', 'globex');
select is((select count(*)::int from api.architecture_patterns
    where scope = 'custom'), 0,
  'stranger does not see acme''s custom patterns');
select is((select count(*)::int from api.architecture_pattern_revisions
    where slug like 'acme-%'), 0,
  'stranger does not see acme''s revisions');
select throws_ok($$ select api.architecture_delete_custom_pattern('acme-ledger') $$,
  'PT404', null, 'stranger cannot delete acme''s pattern (it does not exist for him)');
select is((select count(*)::int from api.architecture_catalog_imports), 0, 'stranger sees no acme import runs');
update architecture.patterns set name = 'Hijacked'
    where slug = 'monolith';
select is((select name from api.architecture_patterns
    where slug = 'monolith'), 'Monolith',
  'the globex owner''s update of a global pattern touches no row (RLS)');

select tests.authenticate_as('adam', 'acme');
select ok((select count(*) from api.architecture_catalog_imports) >= 3, 'admin sees acme''s import runs');
select lives_ok($$ select api.architecture_delete_custom_pattern('acme-ledger') $$, 'admin deletes a custom pattern');

-- Suspended tenant: its members cannot act in it at all.
select throws_ok($$ select tests.authenticate_as('suzy', 'umbrella') $$, 'PT403', null,
  'owner of a suspended tenant is refused at pre_request');

select * from finish();
rollback;
