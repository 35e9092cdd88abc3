-- sql/api/engine/derivation_evidence.sql — one row per evidence quote; `verified` is true only for quotes found
-- in the capture by the exact/normalised/loose/segment ladder — a fuzzy match is needs_review, never verified.
-- Layer: engine.
create view api.derivation_evidence with (security_invoker = true) as
select
  d.id as derivation_id,
  d.capture_id,
  d.kind,
  e.ordinality::int as n,
  e.value ->> 'path' as path,
  e.value ->> 'quote' as quote,
  e.value ->> 'status' as status,
  e.value ->> 'method' as method,
  (e.value ->> 'status') = 'verified' and (e.value ->> 'method') in ('exact', 'normalized', 'loose', 'segments')
  as verified,
  (e.value ->> 'start')::int as span_start,
  (e.value ->> 'end')::int as span_end,
  (e.value ->> 'score')::numeric as score
from engine.derivations as d
cross join lateral jsonb_array_elements(d.evidence) with ordinality as e (value, ordinality);
grant select on api.derivation_evidence to authenticated;
