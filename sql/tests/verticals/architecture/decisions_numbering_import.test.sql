-- sql/tests/verticals/architecture/decisions_numbering_import.test.sql — server-side numbering (per tenant,
-- gap-free, never reused) and Markdown-import semantics (numbers kept when free, idempotent, links).
-- Layer: vertical (tests). Concurrent creation is covered by sidecar/tests/.../test_decisions_db.py.
begin;
select plan(24);
select tests.personas();

select tests.authenticate_as('mia', 'acme');
select is((api.architecture_decision_create('First')).number, 1, 'the first record of a tenant is 1');
select is((api.architecture_decision_create('Second')).ref, 'ADR-0002', 'the next one is ADR-0002');
savepoint before_failure;
select api.architecture_decision_create('Rolled back');
rollback to savepoint before_failure;
select is((api.architecture_decision_create('Third')).number, 3, 'a rolled-back create leaves no gap');
select tests.authenticate_as('gary', 'globex');
select is((api.architecture_decision_create('Globex first')).number, 1, 'numbers are per tenant');

-- Imports keep a free number, take the next one when it is taken, and lift the counter.
select tests.authenticate_as('adam', 'acme');
select is((api.architecture_decision_import('{"title": "Imported seven"}', number => 7, status => 'accepted',
  source_format => 'nygard', source_path => 'docs/adr/0007-imported-seven.md')) ->> 'number', '7',
  'an import keeps its number when free');
select is((api.architecture_decision_import('{"title": "Imported two"}', number => 2,
  source_path => 'docs/adr/0002-imported-two.md')) ->> 'number', '8',
  'an import whose number is taken gets the next free one');
select is((api.architecture_decision_create('After the import')).number, 9, 'the counter moved past imported numbers');
select is((api.architecture_decision_import('{"title": "Imported four"}', number => 4)) ->> 'number', '4',
  'an import may fill a number never handed out');

-- Idempotent by path + content; content changes update the record; the number never changes.
select is((api.architecture_decision_import('{"title": "Imported seven"}', number => 7, status => 'accepted',
  source_format => 'nygard', source_path => 'docs/adr/0007-imported-seven.md')) ->> 'action', 'unchanged',
  'importing the same file twice is a no-op');
select is((select version from api.architecture_decisions where number = 7), 1, 'a no-op import writes nothing');
select is((api.architecture_decision_import('{"title": "Imported seven", "context": "Now with context."}',
  number => 7, status => 'accepted', source_path => 'docs/adr/0007-imported-seven.md')) ->> 'action', 'updated',
  'a changed file updates its record');
select is((select context from api.architecture_decisions where number = 7), 'Now with context.',
  'the update landed');
select is((api.architecture_decision_import('{"title": "Imported seven", "context": "Now with context."}',
  status => 'superseded', uid => (select id from api.architecture_decisions where number = 7))) ->> 'action',
  'updated', 'a record is matched by uid too');
select is((select status from api.architecture_decisions where number = 7), 'accepted',
  're-imported as superseded, a record waits for its superseder''s link');
select r ->> 'id' as ten_id from api.architecture_decision_import('{"title": "Successor of seven"}',
  status => 'accepted') as r \gset
select api.architecture_decision_import_links(:'ten_id', '[{"kind": "supersedes", "target_number": 7}]');
select is((select status from api.architecture_decisions where number = 7), 'superseded',
  'the imported link of an accepted superseder supersedes it');
select is((select status_raw from api.architecture_decisions where number = 7), null, 'status_raw stays empty');

select r ->> 'id' as raw_id
from api.architecture_decision_import('{"title": "In review"}', status_raw => 'in review') as r \gset
select is((api.architecture_decision_transition(:'raw_id', 'proposed')).status_raw, null,
  'an unmapped imported status is cleared once the record moves on');

-- Imported links: outgoing and incoming, symmetric kinds once, unknown targets and cycles reported.
select tests.authenticate_as('adam', 'acme');
select is(
  api.architecture_decision_import_links((select id from api.architecture_decisions where number = 8), $$[
    {"kind": "relates_to", "target_number": 4, "direction": "outgoing"},
    {"kind": "amends", "target_number": 9, "direction": "incoming"},
    {"kind": "extends", "target_number": 77, "direction": "outgoing"}
  ]$$) -> 'linked', '2', 'links to known records are stored');
select is(
  api.architecture_decision_import_links((select id from api.architecture_decisions where number = 4), $$[
    {"kind": "relates_to", "target_number": 8, "direction": "outgoing"}
  ]$$) -> 'linked', '0', 'a symmetric link already stored from the other side is not stored again');
select results_eq($$ select label, other_number from api.architecture_decision_relations
  where decision_id = (select id from api.architecture_decisions where number = 8) order by label $$,
  $$ values ('amended_by'::text, 9), ('relates_to', 4) $$, 'both directions are derived from one stored link');
select is(
  api.architecture_decision_import_links((select id from api.architecture_decisions where number = 8), $$[
    {"kind": "extends", "target_number": 77}]$$) -> 'problems' -> 0 ->> 'problem', 'target record not found',
  'an unknown target is reported, not raised');
select r ->> 'id' as a_id from api.architecture_decision_import('{"title": "Loop A"}', status => 'superseded') as r \gset
select r ->> 'id' as b_id from api.architecture_decision_import('{"title": "Loop B"}', status => 'superseded') as r \gset
select api.architecture_decision_import_links(:'a_id', format('[{"kind": "supersedes", "target_number": %s}]',
  (select number from api.architecture_decisions where id = :'b_id'))::jsonb);
select matches(
  api.architecture_decision_import_links(:'b_id', format('[{"kind": "supersedes", "target_number": %s}]',
    (select number from api.architecture_decisions where id = :'a_id'))::jsonb) -> 'problems' -> 0 ->> 'problem',
  'supersession cannot loop', 'a supersession cycle in imported files is reported');

-- Members import drafts only.
select tests.authenticate_as('mia', 'acme');
select throws_ok($$ select api.architecture_decision_import('{"title": "Member accepted"}', status => 'accepted') $$,
  'PT403', 'importing a accepted record needs the architecture.decision.decide action',
  'member: cannot import decided records');
select is((api.architecture_decision_import('{"title": "Member draft"}')) ->> 'action', 'created',
  'member: imports drafts');

select * from finish();
rollback;
