-- sql/policies/chassis/actions.sql — the chassis's own actions in the role → action matrix. Layer: chassis.
select chassis.register_action('chassis.tenant.update', array['owner', 'admin']);
select chassis.register_action('chassis.member.invite', array['owner', 'admin']);
select chassis.register_action('chassis.member.manage', array['owner', 'admin']);
select chassis.register_action('chassis.grant.manage', array['owner', 'admin']);
select chassis.register_action('chassis.audit.read', array['owner', 'admin']);
