-- sql/ops/audit_chain.sql — hash-chain verification: one row per chain, intact or its first broken link.
-- Layer: chassis. select * from ops.audit_chain where not intact;
create view ops.audit_chain as
with chains as (
  select a.tenant_id, count(*) as entries, max(a.seq) as last_seq, max(a.at) as last_at
  from chassis.audit_log as a
  group by a.tenant_id
),

problems as (
  select v.chain_tenant_id, min(v.seq) as seq, min(v.problem) as problem
  from chassis.verify_audit_chain() as v
  group by v.chain_tenant_id
)

select
  c.tenant_id,
  coalesce(t.slug::text, '(global)') as chain,
  c.entries,
  c.last_seq,
  c.last_at,
  p.seq is null as intact,
  p.seq as first_broken_seq,
  p.problem
from chains as c
left join chassis.tenants as t on c.tenant_id = t.id
left join problems as p on c.tenant_id is not distinct from p.chain_tenant_id;
grant select on ops.audit_chain to operator;
