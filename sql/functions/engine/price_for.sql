-- sql/functions/engine/price_for.sql — the price row in force for (provider, model): exact model, else the
-- provider's '*', else '*'/'*'. Layer: engine.
create function engine.price_for(provider text, model text)
returns engine.prices
language sql stable
set search_path = ''
as $$
  select p.* from engine.prices as p
  where p.effective_from <= now()
    and (p.provider, p.model) in (
      (price_for.provider, price_for.model), (price_for.provider, '*'), ('*', '*')
    )
  order by (p.model <> '*') desc, (p.provider <> '*') desc, p.effective_from desc
  limit 1;
$$;
