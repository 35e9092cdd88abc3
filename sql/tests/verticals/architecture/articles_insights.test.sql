-- sql/tests/verticals/architecture/articles_insights.test.sql — articles, documents, pattern links, claims,
-- backlinks and warnings per persona; projections refuse other tenants and stale content; a verified warning
-- flags an accepted decision relying on the pattern. Layer: vertical (tests).
begin;
select plan(39);
select tests.personas();
select tests.ensure_envelope();
insert into architecture.patterns (
  slug, name, category, complexity, team_size, summary, also_known_as, when_to_use, when_not_to_use,
  key_components, pros, cons, overview, content_hash
) values (
  'saga-pattern', 'Saga Pattern', 'distributed', 3, 'Medium', 'Long-running transactions.', '{Compensating Transaction}',
  '{many services}', '{one database}', '[]', '[]', '[]', 'Sagas coordinate local transactions.', 'h'
);
select id as saga from architecture.patterns
  where slug = 'saga-pattern' \gset

select tests.authenticate_as('mia', 'acme');
select (api.architecture_feed_subscribe('https://feeds.example.test/a')).feed_id as feed \gset
select tests.authenticate_as('gary', 'globex');
select api.architecture_feed_subscribe('https://feeds.example.test/a');
select tests.clear_authentication();

set local role sidecar;
select architecture.feed_record_fetch_v1(:'feed', jsonb_build_object(
  'kind', 'ok', 'http_status', 200, 'next_check_at', now() + interval '1 hour', 'feed', '{"title": "A"}',
  'items', jsonb_build_array(
    jsonb_build_object('item_key', repeat('a', 64), 'key_source', 'guid', 'guid', 'a', 'title', 'Sagas hurt',
      'link', 'https://a.test/1', 'html', '<p>We tried a saga. Sagas made our failures hard to follow.</p>',
      'text', 'We tried a saga. Sagas made our failures hard to follow.', 'content_hash', repeat('1', 64)),
    jsonb_build_object('item_key', repeat('b', 64), 'key_source', 'guid', 'guid', 'b', 'title', 'Other',
      'html', '<p>Nothing here.</p>', 'text', 'Nothing here.', 'content_hash', repeat('2', 64))
  )
));
reset role;
select id as article from architecture.articles
where tenant_id = tests.tenant_id('acme') and content_hash = repeat('1', 64) \gset
select id as globex_article from architecture.articles
where tenant_id = tests.tenant_id('globex') and content_hash = repeat('1', 64) \gset

-- An accepted decision of acme relies on the saga pattern.
select tests.authenticate_as('adam', 'acme');
select (api.architecture_decision_import('{"title": "Use sagas for orders"}', status => 'accepted') ->> 'id') as adr \gset
select api.architecture_decision_link(:'adr', 'relies_on', pattern_id => :'saga');
select tests.clear_authentication();

set local role sidecar;
select is(
  architecture.project_mentions_v1(:'article', repeat('1', 64), jsonb_build_array(jsonb_build_object(
    'pattern_slug', 'saga-pattern', 'count', 2, 'evidence', jsonb_build_array(
      jsonb_build_object('quote', 'We tried a saga.', 'start', 0, 'end', 16),
      jsonb_build_object('quote', 'invented words', 'start', 17, 'end', 31)
    )
  ))), 1, 'sidecar: projects deterministic mentions');
select is(architecture.project_mentions_v1(:'article', repeat('9', 64), '[]'), -1,
  'sidecar: a projection for stale content is ignored');
select is(
  architecture.project_insights_v1(:'article', repeat('1', 64), jsonb_build_object(
    'patterns', jsonb_build_array(jsonb_build_object('pattern_slug', 'saga-pattern', 'stance', 'warns_against',
      'evidence', jsonb_build_array(jsonb_build_object('quote', 'Sagas made our failures hard to follow.',
        'start', 17, 'end', 56, 'match', 'exact')))),
    'claims', jsonb_build_array(
      jsonb_build_object('kind', 'claim', 'statement', 'Sagas obscure failures', 'pattern_slug', 'saga-pattern',
        'stance', 'warns_against', 'quote', 'Sagas made our failures hard to follow.', 'start', 17, 'end', 56,
        'match', 'exact'),
      jsonb_build_object('kind', 'claim', 'statement', 'Sagas are always wrong', 'pattern_slug', 'saga-pattern',
        'stance', 'warns_against', 'quote', 'Sagas are always wrong and never work.', 'match', 'none'),
      jsonb_build_object('kind', 'trade_off', 'statement', 'Harder debugging', 'pattern_slug', 'saga-pattern',
        'quote', 'Sagas made our failure hard to follow', 'match', 'fuzzy', 'score', 0.97)
    )
  )), '{"links": 1, "claims": 3, "flags": 1}'::jsonb,
  'sidecar: projects insights; the one verified warning flags the accepted decision');
reset role;

select tests.authenticate_as('mia', 'acme');
select is((select count(*)::int from api.architecture_articles), 2, 'member: sees the feed''s articles');
select results_eq(
  $$ select title, html, interpreted from api.architecture_articles order by title $$,
  $$ values ('Other', '<p>Nothing here.</p>', false),
            ('Sagas hurt', '<p>We tried a saga. Sagas made our failures hard to follow.</p>', true) $$,
  'member: sanitised html, and whether the current content was interpreted'
);
select results_eq(
  $$ select source, stance, verified, jsonb_path_query_array(evidence, '$[*].status')
       || jsonb_path_query_array(evidence, '$[*].match')
     from api.architecture_article_patterns order by source $$,
  $$ values ('insights', 'warns_against', true, '["exact"]'::jsonb),
            ('mentions', 'mentions', false, '["exact", "none"]'::jsonb) $$,
  'member: links with evidence; a quote not in the text is not verified'
);
select results_eq(
  $$ select kind, verification, match from api.architecture_article_claims order by ord $$,
  $$ values ('claim', 'verified', 'exact'), ('claim', 'needs_review', 'none'), ('trade_off', 'needs_review', 'fuzzy') $$,
  'member: only the quote found in the text is verified; invented and fuzzy quotes need review'
);
select results_eq(
  $$ select pattern_slug, article_title, stances from api.architecture_pattern_backlinks $$,
  $$ values ('saga-pattern', 'Sagas hurt', array['mentions', 'warns_against']) $$,
  'member: the pattern''s backlinks list the article with both stances'
);
select results_eq(
  $$ select pattern_slug, statement from api.architecture_pattern_warnings $$,
  $$ values ('saga-pattern', 'Sagas obscure failures') $$, 'member: one verified warning against the pattern'
);
select is((select count(*)::int from api.architecture_decision_review_flags
  where decision_id = :'adr'), 1,
  'member: the accepted decision is flagged for review');
select throws_ok(
  format($$ select architecture.project_mentions_v1(%L, %L, '[]') $$, :'globex_article', repeat('1', 64)),
  'PT404', null, 'member: cannot project into another tenant''s article');
select throws_ok($$ insert into architecture.article_claims (tenant_id, article_id, kind, statement, quote, match,
  verification, content_hash) select tenant_id, id, 'claim', 'x', 'y', 'exact', 'verified', content_hash
  from architecture.articles limit 1 $$, '42501', null, 'member: cannot write claims directly');
select throws_ok($$ insert into architecture.articles (tenant_id, kind, content_hash)
  values (tests.tenant_id('acme'), 'feed', repeat('3', 64)) $$, '42501', null,
  'member: cannot create feed articles directly');

select is((architecture.document_create_v1('Notes', 'text', '<p>Our notes on sagas.</p>',
  'Our notes on sagas.') ->> 'created')::boolean, true, 'member: adds a document');
select is((architecture.document_create_v1('Again', 'text', '<p>x</p>', '  our NOTES on   sagas. ') ->> 'created')::boolean,
  false, 'member: the same normalised text is the same document');
select is((select count(*)::int from api.architecture_articles
  where kind = 'document'), 1, 'member: one document');

select tests.authenticate_as('victor', 'acme');
select is((select count(*)::int from api.architecture_articles), 3, 'viewer: reads articles');
select is((select count(*)::int from api.architecture_article_claims), 3, 'viewer: reads claims');
select throws_ok($$ select architecture.document_create_v1('V', 'text', '<p>v</p>', 'v') $$, 'PT403', null,
  'viewer: cannot add documents');

select tests.authenticate_as('gary', 'globex');
select is((select count(*)::int from api.architecture_articles), 2, 'other tenant: sees its own copies of the feed');
select is((select count(*)::int from api.architecture_articles
  where kind = 'document'), 0,
  'other tenant: does not see acme''s document');
select is((select count(*)::int from api.architecture_article_patterns), 0, 'other tenant: no acme links');
select is((select count(*)::int from api.architecture_article_claims), 0, 'other tenant: no acme claims');
select is((select count(*)::int from api.architecture_pattern_warnings), 0, 'other tenant: no acme warnings');
select is((select count(*)::int from api.architecture_pattern_backlinks), 0, 'other tenant: no acme backlinks');

select tests.authenticate_as('nina');
select is((select count(*)::int from api.architecture_articles), 0, 'no tenant selected: sees no articles');
select throws_ok($$ select architecture.document_create_v1('N', 'text', '<p>n</p>', 'n') $$, 'PT400', null,
  'no tenant selected: cannot add documents');

select tests.as_anon();
select throws_ok($$ select * from api.architecture_articles $$, '42501', null, 'anon: cannot read articles');
select throws_ok($$ select * from api.architecture_article_claims $$, '42501', null, 'anon: cannot read claims');
select throws_ok($$ select * from api.architecture_pattern_backlinks $$, '42501', null, 'anon: cannot read backlinks');
select throws_ok($$ select * from api.architecture_pattern_warnings $$, '42501', null, 'anon: cannot read warnings');
select throws_ok($$ select * from api.architecture_article_patterns $$, '42501', null, 'anon: cannot read links');

select tests.clear_authentication();
select is((select count(*)::int from architecture.search_documents
  where source = 'article'
  and tenant_id = tests.tenant_id('acme')), 3, 'articles are in the tenant''s search index');

select tests.authenticate_as('mia', 'acme');
select is((api.architecture_search('failures', array['article']) -> 'hits' -> 0 ->> 'title'), 'Sagas hurt',
  'member: the article is found by the vertical''s search');
select tests.authenticate_as('gary', 'globex');
select is((api.architecture_search('notes sagas', array['article']) ->> 'total')::int, 0,
  'other tenant: acme''s document is not in its search results');

select tests.authenticate_as('mia', 'acme');
select api.architecture_feed_unsubscribe((select id from api.architecture_feed_subscriptions));
select is((select count(*)::int from api.architecture_articles), 1, 'member: after unsubscribing only the document stays');
select is((select count(*)::int from api.architecture_article_claims), 0, 'member: the feed article''s claims go too');
select tests.clear_authentication();
select is((select count(*)::int from architecture.search_documents
  where source = 'article'
  and tenant_id = tests.tenant_id('acme')), 1, 'unsubscribing removes the feed articles from the tenant''s search');
select tests.authenticate_as('mia', 'acme');
select api.architecture_feed_subscribe('https://feeds.example.test/a');
select is((select count(*)::int from api.architecture_articles
  where interpreted), 1,
  'member: resubscribing brings the articles back, interpretations intact');

select * from finish();
rollback;
