-- sql/api/engine.sql — manifest of the engine layer's api objects (views, RPCs). Layer: engine.
\ir engine/interpreters.sql
\ir engine/captures.sql
\ir engine/derivations.sql
\ir engine/derived_values.sql
\ir engine/derivation_evidence.sql
\ir engine/rederivation_progress.sql
\ir engine/engine_events.sql
\ir engine/llm_usage.sql
\ir engine/llm_budget.sql
\ir engine/create_capture.sql
\ir engine/correct_derivation.sql
\ir engine/rederive.sql
