-- sql/functions/chassis/audit_append.sql — append one row to the tenant's audit chain. Layer: chassis.
-- Serializes appends per chain with a transaction-scoped advisory lock; fails closed without an envelope.
-- Not granted: called by chassis.tg__audit() and chassis.operator_session() (definer code owned by app_owner).
create function chassis.audit_append(tenant_id uuid, table_name text, op text, old_row jsonb, new_row jsonb)
returns bigint
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_envelope jsonb := chassis.envelope();
  v_prev chassis.audit_log;
  v_seq bigint;
  v_at timestamptz := pg_catalog.clock_timestamp();
  v_id bigint;
begin
  perform chassis.require_envelope();
  perform pg_catalog.pg_advisory_xact_lock(
    pg_catalog.hashtext('chassis.audit_log'),
    pg_catalog.hashtext(coalesce(audit_append.tenant_id::text, 'global'))
  );
  select a.* into v_prev
  from chassis.audit_log as a
  where coalesce(a.tenant_id, '00000000-0000-0000-0000-000000000000'::uuid)
    = coalesce(audit_append.tenant_id, '00000000-0000-0000-0000-000000000000'::uuid)
  order by a.seq desc
  limit 1;
  v_seq := coalesce(v_prev.seq, 0) + 1;
  insert into chassis.audit_log (
    tenant_id, seq, table_name, op, old_row, new_row, actor_id, via, envelope, at, prev_hash, hash
  ) values (
    audit_append.tenant_id, v_seq, audit_append.table_name, audit_append.op, audit_append.old_row,
    audit_append.new_row, (v_envelope ->> 'user_id')::uuid, v_envelope ->> 'via', v_envelope, v_at, v_prev.hash,
    chassis.audit_digest(
      v_prev.hash, audit_append.tenant_id, v_seq, audit_append.table_name, audit_append.op, audit_append.old_row,
      audit_append.new_row, (v_envelope ->> 'user_id')::uuid, v_envelope ->> 'via', v_envelope, v_at
    )
  ) returning id into v_id;
  return v_id;
end;
$$;
revoke all on function chassis.audit_append(uuid, text, text, jsonb, jsonb) from public;
