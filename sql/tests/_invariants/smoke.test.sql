-- sql/tests/_invariants/smoke.test.sql — the loader produced every layer's schema.
begin;
select plan(4);
select has_schema('chassis', 'chassis schema exists');
select has_schema('engine', 'engine schema exists');
select has_schema('api', 'api schema exists');
select has_schema('architecture', 'architecture schema exists');
select * from finish();
rollback;
