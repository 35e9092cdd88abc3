-- sql/api/verticals/architecture/architecture_pattern_revisions.sql — every kept revision of a pattern.
-- Layer: vertical.
create view api.architecture_pattern_revisions with (security_invoker = true) as
select
  v.pattern_id,
  p.slug,
  v.revision,
  v.revision = p.revision as is_current,
  v.content_hash,
  v.import_id,
  v.created_by,
  v.created_at,
  v.content
from architecture.pattern_revisions as v
join architecture.patterns as p on v.pattern_id = p.id;
comment on view api.architecture_pattern_revisions is 'Revision history of patterns (full section payload each).';
grant select on api.architecture_pattern_revisions to authenticated;
