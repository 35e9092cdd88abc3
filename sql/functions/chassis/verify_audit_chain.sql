-- sql/functions/chassis/verify_audit_chain.sql — recompute the hash chains; one row per chain's first broken link.
-- Layer: chassis. tenant_id null checks every chain (the global chain included); an empty result means intact.
create function chassis.verify_audit_chain(tenant_id uuid default null)
returns table (chain_tenant_id uuid, seq bigint, audit_id bigint, problem text)
language sql stable security definer
set search_path = ''
as $$
  with chained as (
    select
      a.*,
      lag(a.hash) over w as expected_prev_hash,
      lag(a.seq) over w as previous_seq
    from chassis.audit_log as a
    where verify_audit_chain.tenant_id is null or a.tenant_id = verify_audit_chain.tenant_id
    window w as (partition by a.tenant_id order by a.seq)
  ),
  problems as (
    select
      c.tenant_id, c.seq, c.id,
      case
        when c.seq <> coalesce(c.previous_seq, 0) + 1
          then pg_catalog.format('sequence gap: expected %s', coalesce(c.previous_seq, 0) + 1)
        when c.prev_hash is distinct from c.expected_prev_hash then 'prev_hash does not match the previous row'
        when c.hash <> chassis.audit_digest(
          c.prev_hash, c.tenant_id, c.seq, c.table_name, c.op, c.old_row, c.new_row, c.actor_id, c.via,
          c.envelope, c.at
        ) then 'row content does not match its hash'
      end as problem
    from chained as c
  )
  select distinct on (p.tenant_id) p.tenant_id, p.seq, p.id, p.problem
  from problems as p
  where p.problem is not null
  order by p.tenant_id, p.seq;
$$;
grant execute on function chassis.verify_audit_chain(uuid) to operator, sidecar;
