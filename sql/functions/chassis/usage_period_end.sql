-- sql/functions/chassis/usage_period_end.sql — when the UTC day or month containing a moment ends (usage resets).
-- Layer: chassis.
create function chassis.usage_period_end(period text, at timestamptz)
returns timestamptz
language sql stable
set search_path = ''
as $$
  select (
    (chassis.usage_period_start(usage_period_end.period, usage_period_end.at) at time zone 'UTC')
    + ('1 ' || usage_period_end.period)::interval
  ) at time zone 'UTC';
$$;
grant execute on function chassis.usage_period_end(text, timestamptz) to authenticated, sidecar, operator;
