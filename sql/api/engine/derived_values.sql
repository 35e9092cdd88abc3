-- sql/api/engine/derived_values.sql — the displayed value per (capture, kind): the newest successful derivation
-- (done or needs_review, newest interpreter registration first) with every correction written over it; corrected
-- paths listed. Layer: engine.
create view api.derived_values with (security_invoker = true) as
select
  d.capture_id,
  d.kind,
  d.id as derivation_id,
  d.interpreter_version,
  d.status,
  engine.apply_corrections(d.payload, d.capture_id, d.kind) as value,
  coalesce((
    select array_agg(distinct c.field_path order by c.field_path) from engine.corrections as c
    where c.capture_id = d.capture_id and c.kind = d.kind
  ), '{}') as corrected_paths
from (
  select distinct on (x.capture_id, x.kind) x.*
  from engine.derivations as x
  inner join engine.interpreters as i on x.kind = i.kind and x.interpreter_version = i.version
  where x.status in ('done', 'needs_review')
  order by x.capture_id asc, x.kind asc, i.registered_at desc, x.finished_at desc
) as d;
grant select on api.derived_values to authenticated;
