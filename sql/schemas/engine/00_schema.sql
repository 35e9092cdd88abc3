-- sql/schemas/engine/00_schema.sql — the private engine schema. Layer: engine.
create schema engine;
grant usage on schema engine to authenticated, sidecar, operator;
