-- sql/functions/chassis/register_counter.sql — upper layers declare a metered counter (idempotent). Layer: chassis.
create function chassis.register_counter(counter text, description text, period text)
returns void
language sql volatile
set search_path = ''
as $$
  insert into chassis.counters (counter, description, period)
  values (register_counter.counter, register_counter.description, register_counter.period)
  on conflict on constraint counters_pkey do update
  set description = excluded.description, period = excluded.period;
$$;
grant execute on function chassis.register_counter(text, text, text) to operator;
