-- sql/policies/chassis/audit_log.sql — RLS and the append-only guard for chassis.audit_log. Layer: chassis.
create policy select_auditor on chassis.audit_log for select to authenticated
using (tenant_id = (select chassis.current_tenant_id()) and (select chassis.can('chassis.audit.read')));
comment on policy select_auditor on chassis.audit_log is
'Holders of chassis.audit.read (owners, admins) read the current tenant''s chain.';
create trigger _000_append_only before update or delete on chassis.audit_log
for each row execute function chassis.tg__audit_log_append_only();
create trigger _000_append_only_truncate before truncate on chassis.audit_log
for each statement execute function chassis.tg__audit_log_append_only();
