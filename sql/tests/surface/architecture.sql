-- sql/tests/surface/architecture.sql — the architecture layer's pinned api objects: insert (name, kind) rows into
-- tests.api_surface_expected and anon-executable functions into tests.anon_executable_allowed. Layer: architecture (tests).
-- Decision records (ADRs).
insert into tests.api_surface_expected (name, kind) values
('architecture_decisions', 'view'),
('architecture_decision_options', 'view'),
('architecture_decision_relations', 'view'),
('architecture_decision_history', 'view'),
('architecture_decision_review_flags', 'view'),
('architecture_decisions_by_pattern', 'view'),
('architecture_decision_lint', 'view'),
('architecture_decision_radar', 'view'),
('architecture_decision_create', 'function'),
('architecture_decision_update', 'function'),
('architecture_decision_transition', 'function'),
('architecture_decision_supersede', 'function'),
('architecture_decision_link', 'function'),
('architecture_decision_unlink', 'function'),
('architecture_decision_import', 'function'),
('architecture_decision_import_links', 'function'),
('architecture_decision_review_flag_resolve', 'function');
-- Pattern catalog, radar, search, advisor.
insert into tests.api_surface_expected (name, kind) values
('architecture_patterns', 'view'),
('architecture_pattern_pages', 'view'),
('architecture_pattern_revisions', 'view'),
('architecture_catalog_imports', 'view'),
('architecture_radar', 'view'),
('architecture_radar_history', 'view'),
('architecture_advisor_questions', 'view'),
('architecture_advisor_rules', 'view'),
('architecture_assessments', 'view'),
('architecture_rate_pattern', 'function'),
('architecture_save_custom_pattern', 'function'),
('architecture_delete_custom_pattern', 'function'),
('architecture_search', 'function'),
('architecture_advise', 'function');
-- Feeds, articles and insights.
insert into tests.api_surface_expected (name, kind) values
('architecture_feed_subscriptions', 'view'),
('architecture_articles', 'view'),
('architecture_article_patterns', 'view'),
('architecture_article_claims', 'view'),
('architecture_pattern_backlinks', 'view'),
('architecture_pattern_warnings', 'view'),
('architecture_feed_subscribe', 'function'),
('architecture_feed_unsubscribe', 'function');
