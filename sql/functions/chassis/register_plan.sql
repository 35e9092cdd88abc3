-- sql/functions/chassis/register_plan.sql — declare or update a plan (idempotent; seeds and operators). Layer: chassis.
create function chassis.register_plan(
  plan_id text, name text, is_default boolean default false, stripe_price_id text default null,
  monthly_price_cents int default 0
)
returns void
language sql volatile
set search_path = ''
as $$
  insert into chassis.plans (id, name, is_default, stripe_price_id, monthly_price_cents)
  values (
    register_plan.plan_id, register_plan.name, register_plan.is_default, register_plan.stripe_price_id,
    register_plan.monthly_price_cents
  )
  on conflict on constraint plans_pkey do update
  set name = excluded.name, is_default = excluded.is_default, stripe_price_id = excluded.stripe_price_id,
    monthly_price_cents = excluded.monthly_price_cents;
$$;
grant execute on function chassis.register_plan(text, text, boolean, text, int) to operator;
