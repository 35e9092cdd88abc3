-- sql/api/engine/rederivation_progress.sql — per interpreter version: how many of the tenant's derivations are in
-- each state (the progress of a re-derivation). Layer: engine.
create view api.rederivation_progress with (security_invoker = true) as
select
  d.kind,
  d.interpreter_version,
  count(*) as total,
  count(*) filter (where d.status = 'queued') as queued,
  count(*) filter (where d.status = 'running') as running,
  count(*) filter (where d.status = 'done') as done,
  count(*) filter (where d.status = 'needs_review') as needs_review,
  count(*) filter (where d.status = 'failed') as failed,
  count(*) filter (where d.status = 'skipped') as skipped
from engine.derivations as d
group by d.kind, d.interpreter_version;
grant select on api.rederivation_progress to authenticated;
