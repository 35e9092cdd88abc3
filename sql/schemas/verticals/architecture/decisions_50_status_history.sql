-- sql/schemas/verticals/architecture/decisions_50_status_history.sql — append-only ADR status history. Layer: vertical.
create table architecture.decision_status_history (
  id bigint generated always as identity primary key,
  tenant_id uuid not null,
  decision_id uuid not null,
  from_status text,
  to_status text not null,
  actor_id uuid references chassis.users (id) on delete set null,
  reason text,
  request_id text,
  at timestamptz not null default now(),
  foreign key (tenant_id, decision_id) references architecture.decisions (tenant_id, id) on delete cascade
);
comment on table architecture.decision_status_history is
'Every status a record entered, who moved it and why. Written only by the status trigger; never updated.';
create index decision_status_history_decision_idx on architecture.decision_status_history (decision_id, id);
create index decision_status_history_tenant_id_idx on architecture.decision_status_history (tenant_id);
alter table architecture.decision_status_history enable row level security;
alter table architecture.decision_status_history force row level security;
grant select on architecture.decision_status_history to authenticated;
