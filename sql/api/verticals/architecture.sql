-- sql/api/verticals/architecture.sql — manifest of the architecture vertical's api objects. Layer: vertical.
-- Pattern catalog, radar, search, advisor.
\ir architecture/architecture_patterns.sql
\ir architecture/architecture_pattern_pages.sql
\ir architecture/architecture_pattern_revisions.sql
\ir architecture/architecture_catalog_imports.sql
\ir architecture/architecture_radar.sql
\ir architecture/architecture_radar_history.sql
\ir architecture/architecture_advisor_questions.sql
\ir architecture/architecture_advisor_rules.sql
\ir architecture/architecture_assessments.sql
\ir architecture/architecture_rate_pattern.sql
\ir architecture/architecture_save_custom_pattern.sql
\ir architecture/architecture_delete_custom_pattern.sql
\ir architecture/architecture_search.sql
\ir architecture/architecture_advise.sql
-- Decision records (ADRs).
\ir architecture/architecture_decisions.sql
\ir architecture/architecture_decision_options.sql
\ir architecture/architecture_decision_relations.sql
\ir architecture/architecture_decision_history.sql
\ir architecture/architecture_decision_review_flags.sql
\ir architecture/architecture_decisions_by_pattern.sql
\ir architecture/architecture_decision_lint.sql
\ir architecture/architecture_decision_radar.sql
\ir architecture/architecture_decision_create.sql
\ir architecture/architecture_decision_update.sql
\ir architecture/architecture_decision_transition.sql
\ir architecture/architecture_decision_supersede.sql
\ir architecture/architecture_decision_link.sql
\ir architecture/architecture_decision_unlink.sql
\ir architecture/architecture_decision_import.sql
\ir architecture/architecture_decision_import_links.sql
\ir architecture/architecture_decision_review_flag_resolve.sql
-- Feeds, articles and insights.
\ir architecture/architecture_feed_subscriptions.sql
\ir architecture/architecture_feed_subscribe.sql
\ir architecture/architecture_feed_unsubscribe.sql
\ir architecture/architecture_articles.sql
\ir architecture/architecture_article_patterns.sql
\ir architecture/architecture_article_claims.sql
\ir architecture/architecture_pattern_backlinks.sql
\ir architecture/architecture_pattern_warnings.sql
