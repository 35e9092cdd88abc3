-- sql/schemas/verticals/architecture/advisor_10_questions.sql — the advisor questionnaire as data. Layer: vertical.
-- kind: 'integer' (min/max), 'boolean', or 'choice' (choices). Every question must be answered.
create table architecture.advisor_questions (
  key text primary key check (key ~ '^[a-z][a-z0-9_]*$'),
  ord int not null unique,
  kind text not null check (kind in ('integer', 'boolean', 'choice')),
  choices text [] check ((kind = 'choice') = (choices is not null)),
  min_value int,
  max_value int,
  axis text not null,
  prompt text not null
);
comment on table architecture.advisor_questions is 'Advisor questions; answers are validated against kind/choices/range.';
alter table architecture.advisor_questions enable row level security;
alter table architecture.advisor_questions force row level security;
grant select on architecture.advisor_questions to authenticated, operator;

insert into architecture.advisor_questions (key, ord, kind, choices, min_value, max_value, axis, prompt) values
('team_size', 1, 'integer', null, 1, 100000, 'team', 'How many engineers work on the product?'),
('internal_tool', 2, 'boolean', null, null, null, 'scope',
 'Is it an internal tool you want to ship in a weekend?'),
('expected_growth', 3, 'choice', array['stay_small', 'grow'], null, null, 'scope',
 'Will the application probably stay a small CRUD app, or grow?'),
('bounded_contexts', 4, 'integer', null, 1, 1000, 'cross-module integrity',
 'How many bounded contexts (auth, billing, domain …) do you expect?'),
('async_profile', 5, 'choice', array['none', 'edges', 'long_running', 'workflow_dominant'], null, null, 'async profile',
 'How much of the work is async: none, edges (emails, webhooks, batch), long-running user-perceived jobs, '
 || 'or workflows as the dominant interaction?'),
('llm_produced_data', 6, 'boolean', null, null, null, 'producer of structured data',
 'Does an LLM produce structured data you store?'),
('multi_step_pipelines', 7, 'boolean', null, null, null, 'async profile',
 'Do you run multi-step LLM pipelines (fallible steps, user-visible progress)?'),
('agentic_flows', 8, 'boolean', null, null, null, 'async profile',
 'Do you run agentic flows (tool-calling loops, delegation, dynamic step graphs)?'),
('streaming_ux', 9, 'choice', array['none', 'server_push', 'bidirectional'], null, null, 'edge',
 'Does the UX stream (token-by-token output, live progress), and is it bidirectional?'),
('test_fakes', 10, 'boolean', null, null, null, 'transaction boundary',
 'Does your testing or offline local development depend on fakes/substitutes for slow or external I/O?'),
('tenancy', 11, 'choice', array['single', 'multi_shared', 'multi_isolated'], null, null, 'tenancy',
 'Single tenant, multi-tenant in shared tables, or multi-tenant with strict physical isolation?'),
('customer', 12, 'choice', array['internal', 'b2c', 'b2b'], null, null, 'tenancy',
 'Who are the customers: internal users, consumers (B2C) or businesses (B2B)?'),
('regulatory_audit', 13, 'boolean', null, null, null, 'unit of consistency',
 'Are there hard regulatory or temporal requirements (ledger, medical records, legal audit)?'),
('device_classes', 14, 'integer', null, 1, 10, 'where the domain lives',
 'On how many device classes must domain logic run (server, desktop, mobile, offline)?'),
('independent_deployability', 15, 'boolean', null, null, null, 'transaction boundary',
 'Must some bounded contexts deploy independently of the rest?');
