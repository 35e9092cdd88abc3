-- sql/chassis.sql — manifest of the chassis layer (identity, tenancy, authorization, audit, billing, jobs).
-- Order: schemas → functions → policies. Layer: chassis. Must not reference engine or verticals.
\ir schemas/chassis/00_schema.sql
