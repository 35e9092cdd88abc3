-- sql/tests/verticals/architecture/pattern_pages.test.sql — pattern page data: related patterns in both
-- directions, the decision matrix, unresolved links, revisions, custom patterns linking to global ones.
-- Layer: vertical (tests).
begin;
select plan(10);
select tests.personas();
\ir catalog_fixture.sql
select is(
  pg_temp.import_global(array[
    pg_temp.pattern('modular-monolith', 'Modular Monolith', related => '{monolith,microservices,nope-x}'),
    pg_temp.pattern('monolith', 'Monolith', complexity => 1),
    pg_temp.pattern('microservices', 'Microservices', complexity => 4, related => '{monolith}')
  ]) -> 'counts',
  '{"patterns": 3, "created": 3, "revised": 0, "unchanged": 0, "related_links": 4, "unresolved_links": 1,
    "dangling_links": 0}'::jsonb,
  'the import report counts patterns and links'
);
select tests.clear_authentication();
select tests.authenticate_as('mia', 'acme', method => 'POST');
select is(
  (select related from api.architecture_pattern_pages
    where slug = 'modular-monolith'),
  '[{"slug": "monolith", "name": "Monolith", "label": "monolith"},
    {"slug": "microservices", "name": "Microservices", "label": "microservices"}]'::jsonb,
  'outgoing related patterns resolve to names, in source order'
);
select is(
  (select related_from from api.architecture_pattern_pages
    where slug = 'monolith'),
  '[{"slug": "microservices", "name": "Microservices"}, {"slug": "modular-monolith", "name": "Modular Monolith"}]'::jsonb,
  'incoming related patterns are derived (the other direction)'
);
select is(
  (select unresolved_links -> 0 ->> 'source_slug' from api.architecture_pattern_pages
    where slug = 'modular-monolith'),
  'nope-x', 'unresolved links are listed on the page'
);
select is(
  (select decision_matrix -> 0 ->> 'versus_slug' from api.architecture_pattern_pages
    where slug = 'microservices'),
  'monolith', 'decision matrix entries carry the counterpart slug'
);
select is(
  (select jsonb_array_length(pros) from api.architecture_pattern_pages
    where slug = 'monolith'), 1,
  'typed sections are on the page'
);

select tests.authenticate_as('adam', 'acme', method => 'POST');
select api.architecture_save_custom_pattern(pg_temp.pattern('acme-cells', 'Acme Cells', related => '{monolith}'));
select is(
  (select related from api.architecture_pattern_pages
    where slug = 'acme-cells'),
  '[{"slug": "monolith", "name": "Monolith", "label": "monolith"}]'::jsonb,
  'a custom pattern links to a global one'
);
select ok(
  (select related_from @> '[{"slug": "acme-cells"}]' from api.architecture_pattern_pages
    where slug = 'monolith'),
  'the global page shows the tenant''s custom pattern linking to it'
);
select tests.authenticate_as('gary', 'globex');
select ok(
  (select not related_from @> '[{"slug": "acme-cells"}]' from api.architecture_pattern_pages
    where slug = 'monolith'),
  'another tenant does not see that incoming link'
);
select is((select count(*)::int from api.architecture_pattern_revisions
    where is_current), 3,
  'every global pattern has its current revision');

select * from finish();
rollback;
