-- sql/tests/surface/engine.sql — the engine layer's pinned api objects: insert (name, kind) rows into
-- tests.api_surface_expected and anon-executable functions into tests.anon_executable_allowed. Layer: engine (tests).
insert into tests.api_surface_expected (name, kind) values
('interpreters', 'view'),
('captures', 'view'),
('derivations', 'view'),
('derived_values', 'view'),
('derivation_evidence', 'view'),
('rederivation_progress', 'view'),
('engine_events', 'view'),
('llm_usage', 'view'),
('llm_budget', 'view'),
('create_capture', 'function'),
('correct_derivation', 'function'),
('rederive', 'function');
