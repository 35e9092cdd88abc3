-- sql/functions/chassis/usage_period_start.sql — start of the UTC day or month containing a moment. Layer: chassis.
create function chassis.usage_period_start(period text, at timestamptz)
returns timestamptz
language sql stable
set search_path = ''
as $$
  select pg_catalog.date_trunc(usage_period_start.period, usage_period_start.at, 'UTC');
$$;
grant execute on function chassis.usage_period_start(text, timestamptz) to authenticated, sidecar, operator;
