-- sql/schemas/verticals/architecture/catalog_90_registration.sql — actions and search source of the catalog,
-- radar and advisor. Layer: vertical.
select chassis.register_action('architecture.catalog.read', array['owner', 'admin', 'member', 'viewer']);
select chassis.register_action('architecture.catalog.manage', array['owner', 'admin']);
select chassis.register_action('architecture.radar.rate', array['owner', 'admin', 'member']);
select chassis.register_action('architecture.advisor.run', array['owner', 'admin', 'member']);
select architecture.register_search_source('pattern', 'Architecture patterns');
select chassis.register_counter('architecture.advisor.runs', 'advisor runs', 'day');
