-- sql/schemas/verticals/architecture/advisor_20_rules.sql — advisor rules as data, one per guide step. Layer: vertical.
-- condition: {"all": [{"q": key, "op": "eq|in|gte|lte|true", "v": value}, …]} evaluated by
-- architecture.advisor_condition_holds(). A fired rule contributes a flavour (highest precedence wins; a 'stop'
-- rule ends the evaluation, as the guide's "Stop reading"), mechanisms, and boosts to catalog patterns.
create table architecture.advisor_rules (
  id text primary key check (id ~ '^[a-z0-9][a-z0-9.-]*$'),
  ruleset text not null default 'postgres-first-2026',
  ord int not null unique,
  source text not null,
  condition jsonb not null check (jsonb_typeof(condition -> 'all') = 'array'),
  flavour int check (flavour between 0 and 7),
  flavour_precedence int not null default 0,
  stop boolean not null default false,
  mechanisms text [] not null default '{}',
  reason text not null,
  pattern_boosts jsonb not null default '{}' check (jsonb_typeof(pattern_boosts) = 'object'),
  check (flavour is not null or mechanisms <> '{}' or pattern_boosts <> '{}')
);
comment on table architecture.advisor_rules is
'Versioned rule set of the advisor (the decision guide of "The Postgres-first Architecture Spectrum").';
alter table architecture.advisor_rules enable row level security;
alter table architecture.advisor_rules force row level security;
grant select on architecture.advisor_rules to authenticated, operator;

create table architecture.advisor_flavours (
  flavour int primary key check (flavour between 0 and 7),
  name text not null,
  summary text not null
);
comment on table architecture.advisor_flavours is 'The eight flavours of the reference, by number.';
alter table architecture.advisor_flavours enable row level security;
alter table architecture.advisor_flavours force row level security;
grant select on architecture.advisor_flavours to authenticated, operator;
