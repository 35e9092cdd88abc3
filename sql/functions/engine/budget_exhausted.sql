-- sql/functions/engine/budget_exhausted.sql — raise PT402 naming the budget and when it resets, if the tenant's
-- budget cannot take `amount` more micro-USD. Layer: engine. Internal to the definer engine functions.
create function engine.budget_exhausted(budget engine.budgets, amount bigint)
returns void
language plpgsql stable
set search_path = ''
as $$
begin
  if (budget_exhausted.budget).spent_micro_usd + (budget_exhausted.budget).reserved_micro_usd
    + budget_exhausted.amount > (budget_exhausted.budget).limit_micro_usd then
    raise sqlstate 'PT402' using
      message = pg_catalog.format(
        'monthly LLM budget exhausted: %s of %s micro-USD spent or reserved; it resets on %s',
        (budget_exhausted.budget).spent_micro_usd + (budget_exhausted.budget).reserved_micro_usd,
        (budget_exhausted.budget).limit_micro_usd,
        ((budget_exhausted.budget).period_start + interval '1 month')::date),
      detail = pg_catalog.format('budget: llm-monthly; requested %s micro-USD', budget_exhausted.amount),
      hint = 'ask an operator to raise the limit, or wait for the reset';
  end if;
end;
$$;
