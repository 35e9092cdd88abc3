-- sql/schemas/verticals/architecture/00_schema.sql — the private schema of the architecture vertical. Layer: vertical.
create schema architecture;
grant usage on schema architecture to authenticated, sidecar, operator;
