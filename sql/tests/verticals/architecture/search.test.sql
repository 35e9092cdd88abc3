-- sql/tests/verticals/architecture/search.test.sql — architecture_search on known documents: weights (name >
-- aliases/summary > body), web-search syntax, typo-tolerant names, highlighting, facets, tenant isolation.
-- Layer: vertical (tests).
begin;
select plan(21);
select tests.personas();
\ir catalog_fixture.sql
select pg_temp.import_global(array[
  pg_temp.pattern('saga-pattern', 'Saga Pattern', 'integration', 4, summary => 'Compensating transactions.'),
  pg_temp.pattern('microservices', 'Microservices', 'system', 4, summary => 'Independently deployable services.'),
  pg_temp.pattern('monolith', 'Monolith', 'system', 1, summary => 'One deployable.'),
  pg_temp.pattern('modular-monolith', 'Modular Monolith', 'system', 2, summary => 'A monolith with modules.'),
  pg_temp.pattern('event-driven', 'Event-Driven Architecture', 'system', 3, summary => 'Events connect services.'),
  pg_temp.pattern('rag', 'RAG Architecture', 'ai', 3, summary => 'Retrieval before generation; unlike a saga.'),
  pg_temp.pattern('change-data-capture', 'Change Data Capture', 'data', 3, aliases => '{Outbox Pattern}',
    summary => 'Stream row changes.'),
  pg_temp.pattern('batch', 'Batch Processing', 'data', 3, body => 'Use an outbox table to hand work to the batch.'),
  pg_temp.pattern('outbox', 'Outbox', 'integration', 2, summary => 'Write events with the data.'),
  pg_temp.pattern('html', '<b>Bold</b> Claims', 'ai', 1, summary => 'Escaped <script> tags & ampersands.')
]);
select tests.clear_authentication();
select architecture.register_search_source('note', 'Notes');
select architecture.search_index('note', 'n1', tests.tenant_id('acme'), 'Acme saga playbook', body => 'Our sagas.');

create function pg_temp.slugs(result jsonb) returns text [] language sql immutable as $$
  select array(select h ->> 'slug' from jsonb_array_elements(result -> 'hits') as h) $$;

select tests.authenticate_as('mia', 'acme');
select is(pg_temp.slugs(api.architecture_search('outbox', sources => '{pattern}')),
  array['outbox', 'change-data-capture', 'batch'], 'name beats aliases, aliases beat body');
select is((pg_temp.slugs(api.architecture_search('saga', sources => '{pattern}')))[1], 'saga-pattern',
  'the pattern named Saga ranks above one mentioning a saga in its summary');
select is(api.architecture_search('microservise') #>> '{hits,0,snippet}', 'Independently deployable services.',
  'a name-only (typo) match shows the summary as its snippet');
select ok(api.architecture_search('compensating') #>> '{hits,0,snippet}' like '%<mark>Compensating</mark>%',
  'snippets highlight the matched words');
select is(api.architecture_search('saga', sources => '{pattern}') #>> '{hits,0,title_highlight}', '<mark>Saga</mark> Pattern',
  'titles are highlighted');
select is(pg_temp.slugs(api.architecture_search('microservise')), array['microservices'],
  'a typo in a name still finds it (trigram)');
select is(api.architecture_search('microservise') #>> '{hits,0,matched_by}', 'name', 'the typo hit is a name match');
select is(pg_temp.slugs(api.architecture_search('monolith -modular', sources => '{pattern}')), array['monolith'],
  'web-search exclusion');
select is(pg_temp.slugs(api.architecture_search('"event driven"')), array['event-driven'], 'web-search phrase');
select is(pg_temp.slugs(api.architecture_search('batch or outbox', sources => '{pattern}')),
  array['batch', 'outbox', 'change-data-capture'], 'web-search or');
select ok(api.architecture_search('bold') #>> '{hits,0,title_highlight}' = '&lt;b&gt;<mark>Bold</mark>&lt;/b&gt; Claims',
  'titles are HTML-escaped before highlighting');
select is(api.architecture_search('saga') -> 'facets' -> 'source',
  '[{"value": "pattern", "count": 2}, {"value": "note", "count": 1}]'::jsonb,
  'source facet counts every source; the tenant''s note is found');
select is(api.architecture_search('monolith', category => 'ai') -> 'total', '0'::jsonb,
  'a category filter narrows the hits');
select is(api.architecture_search('monolith', category => 'ai') -> 'facets' -> 'category',
  '[{"value": "system", "count": 2}]'::jsonb, 'the category facet ignores its own filter');
select is(api.architecture_search('monolith') -> 'facets' -> 'complexity',
  '[{"value": 1, "count": 1}, {"value": 2, "count": 1}]'::jsonb, 'complexity facet');
select throws_ok($$ select api.architecture_search('  ') $$, 'PT400', 'empty search query', 'empty query is a 400');

select tests.authenticate_as('gary', 'globex');
select is(api.architecture_search('saga') -> 'facets' -> 'source', '[{"value": "pattern", "count": 2}]'::jsonb,
  'another tenant does not find acme''s note');
select tests.authenticate_as('nina');
select is(api.architecture_search('saga') -> 'facets' -> 'source', '[{"value": "pattern", "count": 2}]'::jsonb,
  'a user without a team finds only global documents');
select tests.authenticate_as('mia');
select is(api.architecture_search('saga') -> 'total', '2'::jsonb,
  'a member with no tenant selected does not find the tenant''s note');
select tests.clear_authentication();
select
  set_config('stance.user_id', '', true) as user_id,
  set_config('stance.tenant_id', tests.tenant_id('acme')::text, true) as tenant_id;
set local role authenticated;
select is(api.architecture_search('saga') -> 'total', '0'::jsonb, 'the role without a signed-in user finds nothing');
reset role;
select tests.as_anon();
select throws_ok($$ select api.architecture_search('saga') $$, '42501', null, 'anon cannot search');

select * from finish();
rollback;
