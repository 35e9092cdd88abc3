-- sql/api/engine/llm_usage.sql — the current tenant's usage ledger: one row per model response. Layer: engine.
create view api.llm_usage with (security_invoker = true) as
select
  c.id, c.derivation_id, c.job_id, c.attempt, c.provider, c.model, c.outcome, c.input_tokens, c.cache_read_tokens,
  c.cache_write_tokens, c.output_tokens, c.cost_micro_usd, c.price_version, c.latency_ms, c.created_at
from engine.llm_calls as c;
grant select on api.llm_usage to authenticated;
