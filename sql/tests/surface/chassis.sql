-- sql/tests/surface/chassis.sql — the chassis's pinned api objects and anon-executable functions. Layer: chassis.
insert into tests.api_surface_expected (name, kind) values
('me', 'view'),
('my_tenants', 'view'),
('members', 'view'),
('invitations', 'view'),
('sign_in', 'function'),
('create_team', 'function'),
('invite', 'function'),
('accept_invitation', 'function'),
('decline_invitation', 'function'),
('revoke_invitation', 'function'),
('change_member_role', 'function'),
('remove_member', 'function'),
('leave_tenant', 'function'),
('plans', 'view'),
('usage', 'view'),
('billing_status', 'view'),
('billing_invoices', 'view'),
('webhook_event_types', 'view'),
('webhook_endpoints', 'view'),
('webhook_deliveries', 'view'),
('webhook_attempts', 'view'),
('create_webhook_endpoint', 'function'),
('set_webhook_endpoint_enabled', 'function'),
('delete_webhook_endpoint', 'function'),
('replay_webhook_delivery', 'function');

-- anon runs the db-pre-request function; getters and can() may appear in policies of anon-readable relations.
insert into tests.anon_executable_allowed (fn) values
('chassis.pre_request()'),
('chassis.current_user_id()'),
('chassis.current_tenant_id()'),
('chassis.current_tenant_role()'),
('chassis.current_tenant_ids()'),
('chassis.envelope()'),
('chassis.require_envelope()'),
('chassis.can(text,text,uuid)'),
('chassis.has_grant(text,text,uuid)');
