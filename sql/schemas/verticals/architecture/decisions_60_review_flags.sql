-- sql/schemas/verticals/architecture/decisions_60_review_flags.sql — accepted ADRs flagged for review. Layer: vertical.
-- Raised when a verified claim warns against a pattern an accepted record relies on; evidence is copied in.
create table architecture.decision_review_flags (
  id uuid primary key default extensions.gen_random_uuid(),
  tenant_id uuid not null,
  decision_id uuid not null,
  pattern_id uuid not null,
  claim_id uuid not null,
  evidence jsonb not null default '{}' check (jsonb_typeof(evidence) = 'object'),
  state text not null default 'open' check (state in ('open', 'resolved', 'dismissed')),
  resolution_note text,
  resolved_by uuid references chassis.users (id) on delete set null,
  resolved_at timestamptz,
  created_at timestamptz not null default now(),
  foreign key (tenant_id, decision_id) references architecture.decisions (tenant_id, id) on delete cascade,
  unique (decision_id, claim_id),
  check ((state = 'open') = (resolved_at is null))
);
comment on table architecture.decision_review_flags is
'One flag per (record, warning claim): the pattern, the claim and its evidence (quote, article) at flag time.';
create index decision_review_flags_tenant_state_idx on architecture.decision_review_flags (tenant_id, state);
alter table architecture.decision_review_flags enable row level security;
alter table architecture.decision_review_flags force row level security;
grant select on architecture.decision_review_flags to authenticated;
grant update (state, resolution_note, resolved_by, resolved_at) on architecture.decision_review_flags to authenticated;
