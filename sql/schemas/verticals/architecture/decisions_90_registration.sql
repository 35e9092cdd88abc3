-- sql/schemas/verticals/architecture/decisions_90_registration.sql — ADR actions, versioning, audit. Layer: vertical.
-- Viewers read, members draft (create, edit drafts, propose, withdraw drafts, link drafts), admins decide
-- (accept, reject, deprecate, edit proposed/accepted records) and resolve review flags.
select chassis.register_action('architecture.decision.read', array['owner', 'admin', 'member', 'viewer']);
select chassis.register_action('architecture.decision.draft', array['owner', 'admin', 'member']);
select chassis.register_action('architecture.decision.decide', array['owner', 'admin']);
select chassis.register_action('architecture.decision.review', array['owner', 'admin']);

select architecture.register_search_source('decision', 'Decision records');

select chassis.enable_versioning('architecture.decisions');
select chassis.enable_audit('architecture.decisions');
select chassis.enable_audit('architecture.decision_options');
select chassis.enable_audit('architecture.decision_links');
select chassis.enable_audit('architecture.decision_review_flags');
-- PATCH bodies and the RPCs carry the version they read.
grant update (version) on architecture.decisions to authenticated;
