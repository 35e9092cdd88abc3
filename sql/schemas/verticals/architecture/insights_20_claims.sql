-- sql/schemas/verticals/architecture/insights_20_claims.sql — claims and trade-offs an article makes, each with an
-- evidence quote. Layer: vertical. verification comes from the engine's quote check against the stored text:
-- 'verified' (exact/normalised/loose/segments) or 'needs_review' (fuzzy or not found — never shown as verified).
create table architecture.article_claims (
  id uuid primary key default extensions.gen_random_uuid(),
  tenant_id uuid not null references chassis.tenants (id) on delete cascade,
  article_id uuid not null references architecture.articles (id) on delete cascade,
  pattern_id uuid references architecture.patterns (id) on delete set null,
  kind text not null check (kind in ('claim', 'trade_off')),
  stance text check (stance in ('recommends', 'warns_against', 'compares', 'explains')),
  statement text not null check (length(btrim(statement)) > 0),
  quote text not null,
  quote_start int,
  quote_end int,
  match text not null check (match in ('exact', 'normalised', 'loose', 'segments', 'fuzzy', 'none')),
  score real,
  verification text not null check (verification in ('verified', 'needs_review')),
  ord int not null default 0,
  content_hash text not null,
  interpretation_id uuid,
  created_at timestamptz not null default now(),
  check ((verification = 'verified') = (match in ('exact', 'normalised', 'loose', 'segments'))),
  check ((quote_start is null) = (quote_end is null) and (quote_start is null or quote_start <= quote_end))
);
comment on table architecture.article_claims is
'LLM-extracted claims and trade-offs with evidence quotes; only engine-verified quotes count as verified.';
create index article_claims_article_idx on architecture.article_claims (article_id, ord);
create index article_claims_pattern_idx on architecture.article_claims (tenant_id, pattern_id, stance);
alter table architecture.article_claims enable row level security;
alter table architecture.article_claims force row level security;
grant select on architecture.article_claims to authenticated;
