-- sql/functions/chassis/audit_digest.sql — sha256 of one audit row chained to the previous row's hash. Layer: chassis.
-- Hashes stored values only (jsonb text is canonical, time as epoch), so verification does not depend on settings.
create function chassis.audit_digest(
  prev_hash bytea, tenant_id uuid, seq bigint, table_name text, op text,
  old_row jsonb, new_row jsonb, actor_id uuid, via text, envelope jsonb, at timestamptz
)
returns bytea
language sql immutable
set search_path = ''
as $$
  select pg_catalog.sha256(
    coalesce(audit_digest.prev_hash, ''::bytea)
    || pg_catalog.convert_to(
      pg_catalog.jsonb_build_array(
        audit_digest.tenant_id, audit_digest.seq, audit_digest.table_name, audit_digest.op,
        audit_digest.old_row, audit_digest.new_row, audit_digest.actor_id, audit_digest.via,
        audit_digest.envelope, extract(epoch from audit_digest.at)
      )::text,
      'UTF8'
    )
  );
$$;
grant execute on function chassis.audit_digest(
  bytea, uuid, bigint, text, text, jsonb, jsonb, uuid, text, jsonb, timestamptz
) to operator;
