-- sql/schemas/verticals/architecture/decisions_10_counters.sql — per-tenant ADR number counters. Layer: vertical.
-- One row per tenant, bumped by the numbering trigger in the same transaction as the insert: the row lock serialises
-- concurrent creators, a rolled-back insert rolls the counter back (gap-free), and the counter never goes down.
create table architecture.decision_counters (
  tenant_id uuid primary key references chassis.tenants (id) on delete cascade,
  last_number int not null default 0 check (last_number >= 0)
);
comment on table architecture.decision_counters is
'Highest ADR number handed out per tenant; written only by architecture.tg_decisions__allocate_number().';
alter table architecture.decision_counters enable row level security;
alter table architecture.decision_counters force row level security;
-- No grants and no policies: only the security-definer numbering trigger reads or writes it.
