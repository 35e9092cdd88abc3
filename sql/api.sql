-- sql/api.sql — manifest of the only exposed schema, rebuilt on every load: chassis, engine, then verticals.
\ir api/00_reset.sql
\ir api/chassis.sql
\ir api/engine.sql
\ir api/verticals/architecture.sql
-- Tell PostgREST (real or compatible) to reload its schema cache.
notify pgrst, 'reload schema';
