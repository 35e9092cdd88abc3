-- sql/functions/engine/cost_micro_usd.sql — integer micro-USD of one response at a price row (rounded up).
-- Layer: engine. input_tokens includes the cache buckets; reasoning tokens are inside output_tokens.
create function engine.cost_micro_usd(
  price engine.prices, input_tokens bigint, cache_read_tokens bigint, cache_write_tokens bigint, output_tokens bigint
)
returns bigint
language sql immutable
set search_path = ''
as $$
  select ceil(
    greatest(0, cost_micro_usd.input_tokens - cost_micro_usd.cache_read_tokens - cost_micro_usd.cache_write_tokens)
    * (cost_micro_usd.price).input_per_mtok
    + cost_micro_usd.cache_read_tokens * (cost_micro_usd.price).cache_read_per_mtok
    + cost_micro_usd.cache_write_tokens * (cost_micro_usd.price).cache_write_per_mtok
    + cost_micro_usd.output_tokens * (cost_micro_usd.price).output_per_mtok
  )::bigint;
$$;
