-- sql/engine.sql — manifest of the engine layer (captures → interpretations → derivations, LLM usage, budgets).
-- Order: schemas → functions → policies. Layer: engine. May depend on chassis only.
\ir schemas/engine/00_schema.sql
