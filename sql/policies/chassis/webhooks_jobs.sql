-- sql/policies/chassis/webhooks_jobs.sql — the outbound webhook delivery task on the webhooks queue.
-- Layer: chassis.
select chassis.register_task('webhook_deliveries__send', 'webhooks');
