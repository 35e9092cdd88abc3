-- sql/verticals/architecture.sql — manifest of the `architecture` vertical (catalog, articles, ADRs, advisor).
-- Order: schemas → functions → policies. Layer: vertical. May depend on chassis and engine.
\ir ../schemas/verticals/architecture/00_schema.sql
-- Pattern catalog, radar, advisor, search (schemas → functions → registration → policies).
\ir ../schemas/verticals/architecture/catalog_10_imports.sql
\ir ../schemas/verticals/architecture/catalog_20_patterns.sql
\ir ../schemas/verticals/architecture/catalog_30_pattern_revisions.sql
\ir ../schemas/verticals/architecture/catalog_40_pattern_links.sql
\ir ../schemas/verticals/architecture/radar_10_ratings.sql
\ir ../schemas/verticals/architecture/advisor_10_questions.sql
\ir ../schemas/verticals/architecture/advisor_20_rules.sql
\ir ../schemas/verticals/architecture/advisor_30_rules_data.sql
\ir ../schemas/verticals/architecture/advisor_40_assessments.sql
\ir ../schemas/verticals/architecture/search_10_sources.sql
\ir ../schemas/verticals/architecture/search_20_documents.sql
\ir ../functions/verticals/architecture/register_search_source.sql
\ir ../functions/verticals/architecture/search_index.sql
\ir ../functions/verticals/architecture/search_unindex.sql
\ir ../functions/verticals/architecture/escape_html.sql
\ir ../functions/verticals/architecture/team_size_band.sql
\ir ../functions/verticals/architecture/pattern_search_body.sql
\ir ../functions/verticals/architecture/tg_patterns__index_search.sql
\ir ../functions/verticals/architecture/jsonb_items_have.sql
\ir ../functions/verticals/architecture/pattern_payload_problems.sql
\ir ../functions/verticals/architecture/advisor_answer_problems.sql
\ir ../functions/verticals/architecture/advisor_condition_holds.sql
\ir ../functions/verticals/architecture/advisor_evaluate.sql
\ir ../schemas/verticals/architecture/catalog_90_registration.sql
\ir ../policies/verticals/architecture/catalog_patterns.sql
\ir ../policies/verticals/architecture/catalog_imports.sql
\ir ../policies/verticals/architecture/radar.sql
\ir ../policies/verticals/architecture/advisor.sql
\ir ../policies/verticals/architecture/search.sql
-- Decision records (ADRs).
\ir ../schemas/verticals/architecture/decisions_10_counters.sql
\ir ../schemas/verticals/architecture/decisions_20_records.sql
\ir ../schemas/verticals/architecture/decisions_30_options.sql
\ir ../schemas/verticals/architecture/decisions_40_links.sql
\ir ../schemas/verticals/architecture/decisions_50_status_history.sql
\ir ../schemas/verticals/architecture/decisions_60_review_flags.sql
\ir ../schemas/verticals/architecture/decisions_90_registration.sql
-- Decision records: functions and triggers.
\ir ../functions/verticals/architecture/decision_ref.sql
\ir ../functions/verticals/architecture/decision_slug.sql
\ir ../functions/verticals/architecture/decision_next_statuses.sql
\ir ../functions/verticals/architecture/check_decision_transition.sql
\ir ../functions/verticals/architecture/decision_transition_action.sql
\ir ../functions/verticals/architecture/can_edit_decision.sql
\ir ../functions/verticals/architecture/assert_can_edit_decision.sql
\ir ../functions/verticals/architecture/jsonb_text_array.sql
\ir ../functions/verticals/architecture/tg_decisions__allocate_number.sql
\ir ../functions/verticals/architecture/tg_decisions__enforce_lifecycle.sql
\ir ../functions/verticals/architecture/tg_decisions__record_status.sql
\ir ../functions/verticals/architecture/mark_superseded.sql
\ir ../functions/verticals/architecture/tg_decisions__apply_supersession.sql
\ir ../functions/verticals/architecture/tg_decision_links__check.sql
\ir ../functions/verticals/architecture/tg_decision_links__apply_supersession.sql
\ir ../functions/verticals/architecture/save_decision_content.sql
\ir ../functions/verticals/architecture/decision_document.sql
\ir ../functions/verticals/architecture/import_decision.sql
\ir ../functions/verticals/architecture/import_decision_links.sql
\ir ../functions/verticals/architecture/flag_decisions_for_pattern_warning.sql
-- Decision records: policies.
\ir ../policies/verticals/architecture/decisions_records.sql
\ir ../policies/verticals/architecture/decisions_options.sql
\ir ../policies/verticals/architecture/decisions_links.sql
\ir ../policies/verticals/architecture/decisions_status_history.sql
\ir ../policies/verticals/architecture/decisions_review_flags.sql
