-- sql/policies/verticals/architecture/radar.sql — a tenant's radar: members read it, owners/admins/members rate;
-- history is insert-only. Layer: vertical.
create policy select_member on architecture.radar_ratings for select to authenticated
using (tenant_id = (select chassis.current_tenant_id()) and (select chassis.can('architecture.catalog.read')));
comment on policy select_member on architecture.radar_ratings is 'Members read their tenant''s radar.';
create policy insert_rater on architecture.radar_ratings for insert to authenticated
with check (tenant_id = (select chassis.current_tenant_id()) and (select chassis.can('architecture.radar.rate')));
comment on policy insert_rater on architecture.radar_ratings is 'Owners, admins and members place patterns on the radar.';
create policy update_rater on architecture.radar_ratings for update to authenticated
using (tenant_id = (select chassis.current_tenant_id()) and (select chassis.can('architecture.radar.rate')))
with check (tenant_id = (select chassis.current_tenant_id()));
comment on policy update_rater on architecture.radar_ratings is 'Owners, admins and members move patterns between rings.';

create policy select_member on architecture.radar_events for select to authenticated
using (tenant_id = (select chassis.current_tenant_id()) and (select chassis.can('architecture.catalog.read')));
comment on policy select_member on architecture.radar_events is 'Members read their tenant''s ring history.';
create policy insert_rater on architecture.radar_events for insert to authenticated
with check (
  tenant_id = (select chassis.current_tenant_id()) and (select chassis.can('architecture.radar.rate'))
  and actor_id = (select chassis.current_user_id())
);
comment on policy insert_rater on architecture.radar_events is 'Raters append history rows in their own name.';
