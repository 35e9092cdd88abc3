-- sql/api/engine/derivations.sql — every derivation of the current tenant (all interpreter versions kept), with
-- its status, raw payload, evidence checks, usage and cost. Layer: engine.
create view api.derivations with (security_invoker = true) as
select
  d.id, d.capture_id, d.kind, d.interpreter_version, d.status, d.payload, d.evidence, d.usage, d.cost_micro_usd,
  d.error, d.attempts, d.job_id, d.created_at, d.updated_at, d.finished_at
from engine.derivations as d;
grant select on api.derivations to authenticated;
