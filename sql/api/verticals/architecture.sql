-- sql/api/verticals/architecture.sql — manifest of the architecture vertical's api objects. Layer: vertical.
-- Decision records (ADRs).
\ir architecture/architecture_decisions.sql
\ir architecture/architecture_decision_options.sql
\ir architecture/architecture_decision_relations.sql
\ir architecture/architecture_decision_history.sql
\ir architecture/architecture_decision_review_flags.sql
\ir architecture/architecture_decisions_by_pattern.sql
\ir architecture/architecture_decision_create.sql
\ir architecture/architecture_decision_update.sql
\ir architecture/architecture_decision_transition.sql
\ir architecture/architecture_decision_supersede.sql
\ir architecture/architecture_decision_link.sql
\ir architecture/architecture_decision_unlink.sql
\ir architecture/architecture_decision_import.sql
\ir architecture/architecture_decision_import_links.sql
\ir architecture/architecture_decision_review_flag_resolve.sql
