-- sql/schemas/verticals/architecture/decisions_30_options.sql — considered options of an ADR. Layer: vertical.
-- Options are identified by their title within a record (MADR ADR-0006); ord keeps the document order.
create table architecture.decision_options (
  id uuid primary key default extensions.gen_random_uuid(),
  tenant_id uuid not null,
  decision_id uuid not null,
  ord int not null check (ord >= 0),
  title text not null check (length(btrim(title)) between 1 and 300),
  description text not null default '',
  pros text [] not null default '{}',
  neutral text [] not null default '{}',
  cons text [] not null default '{}',
  foreign key (tenant_id, decision_id) references architecture.decisions (tenant_id, id) on delete cascade,
  unique (decision_id, title),
  unique (decision_id, id)
);
comment on table architecture.decision_options is 'MADR "Considered Options" with their pros, neutral points and cons.';
create index decision_options_tenant_id_idx on architecture.decision_options (tenant_id);
alter table architecture.decision_options enable row level security;
alter table architecture.decision_options force row level security;
grant select, delete on architecture.decision_options to authenticated;
grant insert (id, tenant_id, decision_id, ord, title, description, pros, neutral, cons)
on architecture.decision_options to authenticated;
grant update (ord, description, pros, neutral, cons) on architecture.decision_options to authenticated;

-- The chosen option belongs to the same record; checked at commit so a record and its options land in any order.
alter table architecture.decisions add constraint decisions_outcome_option_fkey
foreign key (id, outcome_option_id) references architecture.decision_options (decision_id, id)
deferrable initially deferred;
