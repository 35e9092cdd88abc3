-- sql/schemas/verticals/architecture/radar_10_ratings.sql — each tenant's radar ring per pattern, with history.
-- Layer: vertical. radar_ratings holds the current ring; radar_events is the append-only who/when/why log.
create table architecture.radar_ratings (
  tenant_id uuid not null references chassis.tenants (id) on delete cascade,
  pattern_id uuid not null references architecture.patterns (id) on delete cascade,
  ring text not null check (ring in ('adopt', 'trial', 'assess', 'hold')),
  note text not null default '' check (length(note) <= 4000),
  rated_by uuid default chassis.current_user_id() references chassis.users (id) on delete set null,
  rated_at timestamptz not null default now(),
  primary key (tenant_id, pattern_id)
);
comment on table architecture.radar_ratings is 'Current adopt/trial/assess/hold ring of a pattern in one tenant.';
create index radar_ratings_pattern_id_idx on architecture.radar_ratings (pattern_id);
alter table architecture.radar_ratings enable row level security;
alter table architecture.radar_ratings force row level security;
grant select, insert (tenant_id, pattern_id, ring, note), update (ring, note, rated_by, rated_at)
on architecture.radar_ratings to authenticated;

create table architecture.radar_events (
  id bigint generated always as identity primary key,
  tenant_id uuid not null references chassis.tenants (id) on delete cascade,
  pattern_id uuid not null references architecture.patterns (id) on delete cascade,
  ring text not null check (ring in ('adopt', 'trial', 'assess', 'hold')),
  previous_ring text check (previous_ring in ('adopt', 'trial', 'assess', 'hold')),
  note text not null default '',
  reason text not null check (length(btrim(reason)) between 1 and 4000),
  actor_id uuid default chassis.current_user_id() references chassis.users (id) on delete set null,
  request_id text default (chassis.envelope() ->> 'request_id'),
  created_at timestamptz not null default now()
);
comment on table architecture.radar_events is 'Append-only ring history: who moved which pattern to which ring, when and why.';
create index radar_events_tenant_pattern_idx on architecture.radar_events (tenant_id, pattern_id, id);
create index radar_events_pattern_id_idx on architecture.radar_events (pattern_id);
alter table architecture.radar_events enable row level security;
alter table architecture.radar_events force row level security;
grant select, insert (tenant_id, pattern_id, ring, previous_ring, note, reason) on architecture.radar_events
to authenticated;
grant select on architecture.radar_ratings, architecture.radar_events to operator;
