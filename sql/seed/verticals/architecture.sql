-- sql/seed/verticals/architecture.sql — demo plan limits for the architecture vertical's counters (free plan: 20
-- advisor runs a day; lift with: stance billing set-plan acme pro). Layer: vertical.
select chassis.set_plan_limit('free', 'architecture.advisor.runs', 20);
