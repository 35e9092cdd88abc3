-- sql/schemas/verticals/architecture/decisions_40_links.sql — typed links from an ADR. Layer: vertical.
-- Stored once, in the "active" direction (A supersedes B); inverses (superseded_by …) are derived by the api view.
create table architecture.decision_links (
  id uuid primary key default extensions.gen_random_uuid(),
  tenant_id uuid not null,
  decision_id uuid not null,
  kind text not null check (
    kind in (
      'supersedes', 'amends', 'extends', 'relates_to', 'depends_on', 'conflicts_with', 'relies_on', 'cites'
    )
  ),
  target_decision_id uuid,
  pattern_id uuid references architecture.patterns (id) on delete cascade,
  article_id uuid,
  scope_note text,
  created_by uuid default chassis.current_user_id() references chassis.users (id) on delete set null,
  created_at timestamptz not null default now(),
  foreign key (tenant_id, decision_id) references architecture.decisions (tenant_id, id) on delete cascade,
  foreign key (tenant_id, target_decision_id) references architecture.decisions (tenant_id, id) on delete cascade,
  check (num_nonnulls(target_decision_id, pattern_id, article_id) = 1),
  check ((kind = 'relies_on') = (pattern_id is not null)),
  check ((kind = 'cites') = (article_id is not null)),
  check (target_decision_id <> decision_id),
  constraint decision_links_unique_key unique nulls not distinct (
    decision_id, kind, target_decision_id, pattern_id, article_id
  )
);
comment on table architecture.decision_links is
'ADR → ADR (supersedes, amends, extends, relates_to, depends_on, conflicts_with), ADR → pattern (relies_on), '
'ADR → article (cites). scope_note records partial supersession ("decisions 1–3 only").';
create index decision_links_tenant_id_idx on architecture.decision_links (tenant_id);
create index decision_links_target_decision_id_idx on architecture.decision_links (target_decision_id);
create index decision_links_pattern_id_idx on architecture.decision_links (pattern_id);
create index decision_links_article_id_idx on architecture.decision_links (article_id);
alter table architecture.decision_links enable row level security;
alter table architecture.decision_links force row level security;
grant select, delete on architecture.decision_links to authenticated;
grant insert (tenant_id, decision_id, kind, target_decision_id, pattern_id, article_id, scope_note)
on architecture.decision_links to authenticated;
