-- sql/verticals/architecture.sql — manifest of the `architecture` vertical (catalog, articles, ADRs, advisor).
-- Order: schemas → functions → policies. Layer: vertical. May depend on chassis and engine.
\ir ../schemas/verticals/architecture/00_schema.sql
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
