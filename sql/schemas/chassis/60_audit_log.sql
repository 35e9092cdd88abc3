-- sql/schemas/chassis/60_audit_log.sql — append-only, hash-chained audit trail (one chain per tenant). Layer: chassis.
-- Rows are written only by chassis.audit_append(); UPDATE/DELETE/TRUNCATE are refused by trigger for every role.
create table chassis.audit_log (
  id bigint generated always as identity primary key,
  tenant_id uuid,
  seq bigint not null check (seq > 0),
  table_name text not null,
  op text not null check (op in ('INSERT', 'UPDATE', 'DELETE', 'OPERATOR_SESSION')),
  old_row jsonb,
  new_row jsonb,
  actor_id uuid,
  via text not null check (via in ('api', 'sidecar', 'worker', 'operator')),
  envelope jsonb not null,
  at timestamptz not null default now(),
  prev_hash bytea,
  hash bytea not null check (length(hash) = 32),
  check ((seq = 1) = (prev_hash is null))
);
comment on table chassis.audit_log is
'Who (actor_id, envelope), what (table_name, op), when (at), before (old_row) and after (new_row). '
'tenant_id null = the global chain (users, operator sessions).';
-- The chain: one gap-free sequence per tenant (null tenant = the global chain).
create unique index audit_log_chain_idx on chassis.audit_log (
  coalesce(tenant_id, '00000000-0000-0000-0000-000000000000'::uuid), seq
);
create index audit_log_at_idx on chassis.audit_log using brin (at);
alter table chassis.audit_log enable row level security;
alter table chassis.audit_log force row level security;
grant select on chassis.audit_log to authenticated, operator;
