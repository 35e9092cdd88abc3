-- sql/schemas/verticals/architecture/insights_90_registration.sql — actions, search source and job tasks of feeds,
-- articles and insights. Layer: vertical.
select chassis.register_action('architecture.article.read', array['owner', 'admin', 'member', 'viewer']);
select chassis.register_action('architecture.article.write', array['owner', 'admin', 'member']);
select chassis.register_action('architecture.feed.subscribe', array['owner', 'admin', 'member']);
select architecture.register_search_source('article', 'Articles');
select chassis.register_task('feeds__fetch', 'feeds');
select chassis.register_task('feed_subscriptions__interpret', 'feeds');
