-- sql/api/verticals/architecture/architecture_decision_radar.sql — the tenant radar with each pattern's linked
-- decisions. Layer: vertical. One row per blip of api.architecture_radar; `decisions` lists the records that rely
-- on the pattern ({id, ref, title, status, open_review_flags}, by number).
create view api.architecture_decision_radar with (security_invoker = true) as
select
  r.pattern_id,
  r.slug,
  r.name,
  r.quadrant,
  r.ring,
  coalesce(
    jsonb_agg(
      jsonb_build_object(
        'id', b.decision_id, 'ref', b.ref, 'title', b.title, 'status', b.status,
        'open_review_flags', b.open_review_flags
      ) order by b.number
    ) filter (where b.decision_id is not null),
    '[]'
  ) as decisions,
  count(b.decision_id) filter (where b.status = 'accepted')::int as accepted_decisions,
  coalesce(sum(b.open_review_flags), 0)::int as open_review_flags
from api.architecture_radar as r
left join api.architecture_decisions_by_pattern as b on r.pattern_id = b.pattern_id
group by r.pattern_id, r.slug, r.name, r.quadrant, r.ring;
comment on view api.architecture_decision_radar is
'The tenant''s radar blips with the decisions relying on each pattern and their open review flags.';
grant select on api.architecture_decision_radar to authenticated;
