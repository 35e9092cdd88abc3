-- sql/schemas/chassis/00_schema.sql — the private chassis schema. Layer: chassis.
create schema chassis;
grant usage on schema chassis to anon, authenticated, sidecar, operator;
