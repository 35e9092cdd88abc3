-- sql/tests/verticals/architecture/decisions_review_flags.test.sql — a verified warning against a pattern flags
-- the accepted records relying on it (through the insights projection), per tenant, with evidence; resolution;
-- each pattern's linked decisions (radar); ADRs in search; pattern and article links. Layer: vertical (tests).
begin;
select plan(23);
select tests.personas();
select tests.authenticate_as('adam', 'acme');
select tests.clear_authentication();

insert into architecture.patterns (
  slug, name, category, complexity, team_size, summary, when_to_use, when_not_to_use, key_components, pros, cons,
  overview, content_hash
) values
('microservices', 'Microservices', 'system', 4, '10+', 'Independently deployable services.', array['many teams'],
  array['one small team'], '[]', '[]', '[]', 'Services own their data.', 'test'),
('modular-monolith', 'Modular Monolith', 'system', 2, '4-10', 'One deployable, strict modules.', array['one team'],
  array['independent scaling'], '[]', '[]', '[]', 'Modules own their tables.', 'test');
select id as micro_id from architecture.patterns
where slug = 'microservices' \gset
select id as mono_id from architecture.patterns
where slug = 'modular-monolith' \gset
insert into architecture.articles (tenant_id, kind, title, url, format, html, text, content_hash) values
(tests.tenant_id('acme'), 'document', 'Microservices regrets', 'https://example.test/regrets', 'text',
  '<p>Microservices multiply failure modes.</p>', 'Microservices multiply failure modes.', repeat('a', 64)),
(tests.tenant_id('globex'), 'document', 'Globex notes', null, 'text', '<p>x</p>', 'x', repeat('b', 64));
select id as article_id from architecture.articles
where title = 'Microservices regrets' \gset
select id as globex_article_id from architecture.articles
where title = 'Globex notes' \gset

-- acme: an accepted record and a draft relying on microservices, an accepted one on the modular monolith.
select tests.authenticate_as('adam', 'acme');
select r ->> 'id' as accepted_id from api.architecture_decision_import('{"title": "Split into services"}',
  status => 'accepted') as r \gset
select r ->> 'id' as other_id from api.architecture_decision_import('{"title": "Keep billing in the monolith"}',
  status => 'accepted') as r \gset
select id as draft_id from api.architecture_decision_create('Split the search service too') \gset
select api.architecture_decision_link(:'accepted_id', 'relies_on', pattern_id => :'micro_id');
select api.architecture_decision_link(:'draft_id', 'relies_on', pattern_id => :'micro_id');
select api.architecture_decision_link(:'other_id', 'relies_on', pattern_id => :'mono_id');
select isnt(api.architecture_decision_link(:'accepted_id', 'cites', article_id => :'article_id'), null,
  'admin: an accepted record cites an article of its tenant');
select throws_ok(format($$ select api.architecture_decision_link(%L, 'cites', article_id => %L) $$,
  :'accepted_id', :'globex_article_id'), 'PT404', 'article not found', 'another tenant''s article cannot be cited');
select throws_ok(format($$ select api.architecture_decision_link(%L, 'relies_on', pattern_id => %L) $$,
  :'accepted_id', extensions.gen_random_uuid()), 'PT404', 'pattern not found', 'an unknown pattern cannot be linked');
select throws_ok(format($$ select api.architecture_decision_link(%L, 'relies_on', target_id => %L) $$,
  :'accepted_id', :'other_id'), 'PT400', 'a relies_on link needs exactly pattern_id', 'relies_on takes a pattern');
-- globex: an accepted record relying on microservices too.
select tests.authenticate_as('gary', 'globex');
select r ->> 'id' as globex_id from api.architecture_decision_import('{"title": "Globex services"}',
  status => 'accepted') as r \gset
select api.architecture_decision_link(:'globex_id', 'relies_on', pattern_id => :'micro_id');

-- The insights projection of an acme article with a verified warning flags only acme's accepted record (run the
-- way the reducer runs it: with acme's envelope).
select tests.authenticate_as('adam', 'acme');
select tests.clear_authentication();
select is(
  architecture.project_insights_v1(:'article_id', repeat('a', 64), '{"claims": [
    {"kind": "claim", "statement": "Microservices add failure modes", "pattern_slug": "microservices",
     "stance": "warns_against", "quote": "Microservices multiply failure modes.", "start": 0, "end": 37,
     "match": "exact", "score": 1},
    {"kind": "claim", "statement": "Unverified scare", "pattern_slug": "microservices", "stance": "warns_against",
     "quote": "Invented quote", "match": "none", "score": 0}
  ]}') ->> 'flags', '1', 'a verified warning flags exactly one record (accepted, same tenant, relies on it)');
select is(
  architecture.project_insights_v1(:'article_id', repeat('a', 64), '{"claims": [
    {"kind": "claim", "statement": "Microservices add failure modes", "pattern_slug": "microservices",
     "stance": "warns_against", "quote": "Microservices multiply failure modes.", "start": 0, "end": 37,
     "match": "exact", "score": 1}]}') ->> 'flags', '0', 're-running the projection raises no second flag');
select is(
  architecture.flag_decisions_for_pattern_warning(tests.tenant_id('acme'), :'micro_id', extensions.gen_random_uuid(),
    jsonb_build_object('article_id', :'article_id', 'quote', 'Microservices multiply failure modes.')),
  0, 'the same quote from the same article under a new claim id flags once');

select tests.authenticate_as('mia', 'acme');
select results_eq(
  $$ select decision_id, pattern_id, evidence ->> 'quote', evidence ->> 'url', state
     from api.architecture_decision_review_flags $$,
  format($$ values (%L::uuid, %L::uuid, 'Microservices multiply failure modes.'::text,
    'https://example.test/regrets'::text, 'open'::text) $$, :'accepted_id', :'micro_id'),
  'member: sees the flag with the evidence quote and the article');
select is((select open_review_flags from api.architecture_decisions
where id = :'accepted_id'), 1,
  'the record shows one open review flag');
select results_eq(
  format($$ select title, status, open_review_flags from api.architecture_decisions_by_pattern
    where pattern_id = %L order by title $$, :'micro_id'),
  $$ values ('Split into services'::text, 'accepted'::text, 1), ('Split the search service too', 'draft', 0) $$,
  'radar: each pattern lists the decisions relying on it, with open flags');
select results_eq(
  format($$ select label, article_id from api.architecture_decision_relations
    where decision_id = %L and kind = 'cites' $$, :'accepted_id'),
  format($$ values ('cites'::text, %L::uuid) $$, :'article_id'), 'relations show the cited article');
select tests.authenticate_as('adam', 'acme');
select api.architecture_rate_pattern('microservices', 'trial', 'piloting in two teams');
select api.architecture_rate_pattern('modular-monolith', 'adopt', 'our default');
select results_eq(
  $$ select slug, ring, accepted_decisions, open_review_flags, jsonb_array_length(decisions)
     from api.architecture_decision_radar order by slug $$,
  $$ values ('microservices'::text, 'trial'::text, 1, 1, 2), ('modular-monolith', 'adopt', 1, 0, 1) $$,
  'radar: each blip carries the decisions relying on it and their open flags'
);
select is((select decisions -> 0 ->> 'title' from api.architecture_decision_radar
where slug = 'microservices'),
  'Split into services', 'radar: decisions are listed by number');
select tests.authenticate_as('mia', 'acme');
select throws_ok(
  format($$ select api.architecture_decision_review_flag_resolve(%L, 'resolved') $$,
    (select id from api.architecture_decision_review_flags)),
  'PT403', 'resolving a review flag needs the architecture.decision.review action', 'member: cannot resolve');
select throws_ok(
  format($$ select api.architecture_decision_review_flag_resolve(%L, 'ignored') $$,
    (select id from api.architecture_decision_review_flags)),
  'PT400', 'state must be resolved or dismissed', 'an unknown resolution is a bad request');

select tests.authenticate_as('gary', 'globex');
select is_empty($$ select 1 from api.architecture_decision_review_flags $$, 'stranger: his records were not flagged');
select is_empty(format($$ select 1 from api.architecture_decisions_by_pattern where decision_id <> %L $$, :'globex_id'),
  'stranger: the radar shows only his decisions');
select is_empty($$ select 1 from api.architecture_decision_radar $$, 'stranger: acme''s radar is not his');

select tests.authenticate_as('adam', 'acme');
select id as flag_id from api.architecture_decision_review_flags \gset
select results_eq(
  format($$ select state, resolution_note, resolved_by from api.architecture_decision_review_flag_resolve(%L,
    'resolved', 'we keep services; failure budget added') $$, :'flag_id'),
  format($$ values ('resolved'::text, 'we keep services; failure budget added'::text, %L::uuid) $$, tests.user_id('adam')),
  'admin: resolves a flag with a note');
select throws_ok(format($$ select api.architecture_decision_review_flag_resolve(%L, 'dismissed') $$, :'flag_id'),
  'PT409', 'review flag is already closed', 'a closed flag stays closed');
select is((select open_review_flags from api.architecture_decisions
where id = :'accepted_id'), 0,
  'no open flags remain');

-- Decision records join the vertical search, per tenant.
select is(
  (select count(*)::int from jsonb_array_elements(api.architecture_search('billing monolith') -> 'hits') as h
    where h.value ->> 'source' = 'decision'), 1, 'member of acme: finds the record by its words');
select tests.authenticate_as('gary', 'globex');
select is(
  (select count(*)::int from jsonb_array_elements(api.architecture_search('billing monolith') -> 'hits') as h
    where h.value ->> 'source' = 'decision'), 0, 'stranger: does not find acme''s records');

select * from finish();
rollback;
