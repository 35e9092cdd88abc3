-- sql/api/engine/llm_budget.sql — the current tenant's monthly LLM budget, what is spent and reserved, when it
-- resets, and whether the spend circuit breaker has paused its LLM jobs. Layer: engine.
create view api.llm_budget with (security_invoker = true) as
select
  b.tenant_id, b.limit_micro_usd, b.spent_micro_usd, b.reserved_micro_usd,
  greatest(0, b.limit_micro_usd - b.spent_micro_usd - b.reserved_micro_usd) as remaining_micro_usd,
  b.period_start, (b.period_start + interval '1 month')::date as resets_on,
  b.breaker_open_at, b.breaker_reason
from engine.budgets as b;
grant select on api.llm_budget to authenticated;
