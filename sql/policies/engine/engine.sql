-- sql/policies/engine/engine.sql — RLS of the engine tables, its actions and its job. Layer: engine.
-- Members read their current tenant's rows; every write goes through definer functions; operators bypass RLS.
select chassis.register_action('engine.captures.create', array['owner', 'admin', 'member']);
select chassis.register_action('engine.captures.rederive', array['owner', 'admin']);
select chassis.register_action('engine.derivations.correct', array['owner', 'admin', 'member']);
select chassis.register_task('derivations__run', 'llm');

create policy select_all on engine.interpreters for select to authenticated, sidecar using (true);
comment on policy select_all on engine.interpreters is 'Registered interpreters are global and public to members.';
create policy select_all on engine.prices for select to authenticated, sidecar using (true);
comment on policy select_all on engine.prices is 'Prices are global.';

create policy select_tenant on engine.captures for select to authenticated
using (tenant_id = (select chassis.current_tenant_id()));
comment on policy select_tenant on engine.captures is 'Members read the current tenant''s captures.';
create policy select_tenant on engine.derivations for select to authenticated
using (tenant_id = (select chassis.current_tenant_id()));
comment on policy select_tenant on engine.derivations is 'Members read the current tenant''s derivations.';
create policy select_tenant on engine.corrections for select to authenticated
using (tenant_id = (select chassis.current_tenant_id()));
comment on policy select_tenant on engine.corrections is 'Members read the current tenant''s corrections.';
create policy select_tenant on engine.llm_calls for select to authenticated
using (tenant_id = (select chassis.current_tenant_id()));
comment on policy select_tenant on engine.llm_calls is 'Members read the current tenant''s usage ledger.';
create policy select_tenant on engine.budgets for select to authenticated
using (tenant_id = (select chassis.current_tenant_id()));
comment on policy select_tenant on engine.budgets is 'Members read the current tenant''s budget.';
create policy select_tenant on engine.events for select to authenticated
using (tenant_id = (select chassis.current_tenant_id()));
comment on policy select_tenant on engine.events is 'Members read the current tenant''s progress events.';
