-- sql/seed/billing.sql — demo plans for make run (change one with: stance billing set-plan acme pro). Layer: chassis.
-- Limits on counters are set by the layers that register the counters (chassis.set_plan_limit); none here.
select chassis.register_plan('free', 'Free', true, null, 0);
select chassis.register_plan('pro', 'Pro', false, 'price_pro_monthly', 2900);
select chassis.register_plan('team', 'Team', false, 'price_team_monthly', 9900);
