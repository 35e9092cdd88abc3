-- sql/tests/verticals/architecture/decisions_lifecycle.test.sql — every ADR status move, allowed and refused,
-- who may make it, edits per status, and the status history. Layer: vertical (tests).
begin;
select plan(25);
select tests.personas();

create temp table outcomes (from_status text, to_status text, outcome text);
grant all on outcomes to authenticated;
-- The DETAIL of the error a statement raises (null when it succeeds).
create function pg_temp.error_detail(statement text) returns text language plpgsql as $$
declare
  v_detail text;
begin
  execute statement;
  return null;
exception when others then
  get stacked diagnostics v_detail = pg_exception_detail;
  return v_detail;
end;
$$;

-- The whole matrix as an admin: one fresh record per (from, to), created in `from` by import.
select tests.authenticate_as('adam', 'acme');
do $$
declare
  v_from text;
  v_to text;
  v_id uuid;
  v_all text [] := array['draft', 'proposed', 'accepted', 'rejected', 'withdrawn', 'deprecated', 'superseded'];
begin
  foreach v_from in array v_all loop
    foreach v_to in array v_all loop
      continue when v_from = v_to;
      v_id := (api.architecture_decision_import(
        jsonb_build_object('title', v_from || ' to ' || v_to), status => v_from
      ) ->> 'id')::uuid;
      begin
        perform api.architecture_decision_transition(v_id, v_to, 'matrix');
        insert into outcomes values (v_from, v_to, 'ok');
      exception when others then
        insert into outcomes values (v_from, v_to, sqlstate);
      end;
    end loop;
  end loop;
end;
$$;
select set_eq(
  $$ select from_status, to_status from outcomes where outcome = 'ok' $$,
  $$ values ('draft', 'proposed'), ('draft', 'withdrawn'), ('proposed', 'accepted'), ('proposed', 'rejected'),
    ('proposed', 'withdrawn'), ('accepted', 'deprecated') $$,
  'admin: exactly the lifecycle edges succeed (superseded needs an accepted superseder)'
);
select is((select count(*)::int from outcomes
where outcome = 'PT422'), 36,
  'admin: the other 36 moves are refused with PT422');
select is((select count(*)::int from outcomes
where outcome not in ('ok', 'PT422')), 0,
  'admin: no move fails any other way');
select is(
  (select count(*)::int from api.architecture_decisions
where title like '% to %' and status <> split_part(title, ' ', 1)),
  6, 'admin: refused moves leave the status untouched'
);

-- Refusals name from, to and the allowed targets.
select r ->> 'id' as closed_id, r ->> 'ref' as closed_ref
from api.architecture_decision_import('{"title": "Closed one"}', status => 'rejected') as r \gset
select r ->> 'id' as draft_id from api.architecture_decision_import('{"title": "Draft one"}') as r \gset
select throws_ok(
  format($$ select api.architecture_decision_transition(%L, 'accepted') $$, :'closed_id'),
  'PT422', format('%s cannot move from rejected to accepted', :'closed_ref'),
  'a refused move names from and to'
);
select is(
  pg_temp.error_detail(format($$ select api.architecture_decision_transition(%L, 'accepted') $$,
    :'draft_id')),
  'allowed from draft: proposed, withdrawn', 'a refused move lists the allowed targets'
);
select is(
  pg_temp.error_detail(format($$ select api.architecture_decision_transition(%L, 'draft') $$,
    :'closed_id')),
  'allowed from rejected: none (terminal status)', 'a terminal status says so'
);
select throws_ok(
  format($$ select api.architecture_decision_transition(%L, 'archived') $$, :'draft_id'),
  'PT400', 'unknown status "archived"', 'an unknown status is a bad request'
);

-- Members draft, propose and withdraw drafts; only admins and owners decide.
select tests.authenticate_as('mia', 'acme');
select (api.architecture_decision_create('Use feature flags')).id as flags_id \gset
select is((api.architecture_decision_transition(:'flags_id', 'proposed', 'ready for review')).status, 'proposed',
  'member: proposes her draft');
select throws_ok(format($$ select api.architecture_decision_transition(%L, 'accepted') $$, :'flags_id'),
  'PT403', format('moving %s from proposed to accepted needs the architecture.decision.decide action',
    (select ref from api.architecture_decisions
where id = :'flags_id')),
  'member: cannot accept');
select throws_ok(format($$ select api.architecture_decision_transition(%L, 'withdrawn') $$, :'flags_id'),
  'PT403', null, 'member: cannot withdraw a proposed record');
select throws_ok(format($$ select api.architecture_decision_update(%L, '{"context": "x"}') $$, :'flags_id'),
  'PT403', 'editing a proposed record needs the architecture.decision.decide action',
  'member: cannot edit a proposed record');
select (api.architecture_decision_create('Scratch idea')).id as scratch_id \gset
select is((api.architecture_decision_transition(:'scratch_id', 'withdrawn')).status, 'withdrawn',
  'member: withdraws her draft');
select tests.authenticate_as('victor', 'acme');
select throws_ok(format($$ select api.architecture_decision_transition(%L, 'rejected') $$, :'flags_id'),
  'PT403', null, 'viewer: cannot decide');
select tests.authenticate_as('olivia', 'acme');
select is((api.architecture_decision_transition(:'flags_id', 'accepted', 'agreed in the guild')).status, 'accepted',
  'owner: accepts');
select isnt((select decided_at from api.architecture_decisions
where id = :'flags_id'), null, 'accepting stamps decided_at');

-- Edits: accepted records take clarifications from admins; closed records none; a started outcome is locked.
select tests.authenticate_as('adam', 'acme');
select is(
  (api.architecture_decision_update(:'flags_id', '{"more_information": "See the rollout runbook."}')).more_information,
  'See the rollout runbook.', 'admin: clarifies an accepted record');
select throws_ok(format($$ select api.architecture_decision_update(%L, '{"context": "x"}') $$, :'scratch_id'),
  'PT422', format('%s is withdrawn and can no longer be edited',
    (select ref from api.architecture_decisions
where id = :'scratch_id')),
  'admin: a withdrawn record is closed');
select lives_ok(format($$ select api.architecture_decision_update(%L, %L) $$, :'flags_id',
  '{"implementation_status": "in_progress", "options": [{"title": "Unleash"}, {"title": "Homegrown"}], '
  '"outcome": {"chosen_option": "Unleash", "justification": "maintained"}}'), 'admin: sets options and outcome');
select throws_ok(format($$ select api.architecture_decision_update(%L, '{"outcome": {"chosen_option": "Homegrown"}}') $$,
  :'flags_id'), 'PT422', null, 'admin: the outcome is locked once implementation started');
select throws_ok(format($$ update api.architecture_decisions set outcome_justification = 'rewritten' where id = %L $$,
  :'flags_id'), 'PT422', null, 'admin: a PATCH cannot change a locked outcome either');
select throws_ok(format($$ select api.architecture_decision_update(%L, '{"colour": "red"}') $$, :'flags_id'),
  'PT400', 'unknown field(s): colour', 'unknown document fields are refused');

-- History: append-only, with actor and reason.
select results_eq(
  format($$ select from_status, to_status, actor_id, reason from api.architecture_decision_history
    where decision_id = %L order by id $$, :'flags_id'),
  format($$ values (null::text, 'draft'::text, %L::uuid, 'created'::text), ('draft', 'proposed', %L, 'ready for review'),
    ('proposed', 'accepted', %L, 'agreed in the guild') $$,
    tests.user_id('mia'), tests.user_id('mia'), tests.user_id('olivia')),
  'history: every move with actor and reason'
);
select throws_ok($$ update architecture.decision_status_history set reason = 'rewritten' $$, '42501', null,
  'history: nobody can rewrite it');
select throws_ok(format($$ update architecture.decisions set number = 99 where id = %L $$, :'flags_id'), '42501', null,
  'numbers are immutable (no update grant)');

select * from finish();
rollback;
