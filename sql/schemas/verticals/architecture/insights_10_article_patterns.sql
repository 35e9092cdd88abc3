-- sql/schemas/verticals/architecture/insights_10_article_patterns.sql — article ↔ pattern links with evidence.
-- Layer: vertical. Projected from interpretations: source 'mentions' (deterministic finder, stance 'mentions')
-- or 'insights' (LLM, stance recommends | warns_against | compares | explains). evidence is an array of
-- {quote, start, end, status} where status is the engine's verification outcome.
create table architecture.article_patterns (
  id uuid primary key default extensions.gen_random_uuid(),
  tenant_id uuid not null references chassis.tenants (id) on delete cascade,
  article_id uuid not null references architecture.articles (id) on delete cascade,
  pattern_id uuid not null references architecture.patterns (id) on delete cascade,
  source text not null check (source in ('mentions', 'insights')),
  stance text not null check (stance in ('mentions', 'recommends', 'warns_against', 'compares', 'explains')),
  mention_count int not null default 1 check (mention_count > 0),
  evidence jsonb not null default '[]' check (jsonb_typeof(evidence) = 'array'),
  verified boolean not null default false,
  content_hash text not null,
  interpretation_id uuid,
  created_at timestamptz not null default now(),
  unique (article_id, pattern_id, source)
);
comment on table architecture.article_patterns is
'Which patterns an article discusses, how (stance), with evidence sentences verified against the article text.';
create index article_patterns_pattern_idx on architecture.article_patterns (tenant_id, pattern_id);
create index article_patterns_article_idx on architecture.article_patterns (article_id);
alter table architecture.article_patterns enable row level security;
alter table architecture.article_patterns force row level security;
grant select on architecture.article_patterns to authenticated;
