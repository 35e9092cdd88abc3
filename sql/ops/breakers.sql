-- sql/ops/breakers.sql — LLM budget and circuit-breaker state per tenant. Layer: chassis (reads engine).
-- select * from ops.breakers where breaker_open;
create view ops.breakers as
select
  t.slug::text as tenant_slug,
  b.breaker_open_at is not null as breaker_open,
  b.breaker_open_at,
  b.breaker_reason,
  b.breaker_reset_at,
  b.limit_micro_usd,
  b.spent_micro_usd,
  b.reserved_micro_usd,
  (select count(*) from engine.breaker_trips as x
where x.tenant_id = b.tenant_id) as trips
from engine.budgets as b
inner join chassis.tenants as t on b.tenant_id = t.id;
grant select on ops.breakers to operator;
