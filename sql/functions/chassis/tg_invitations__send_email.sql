-- sql/functions/chassis/tg_invitations__send_email.sql — queue the invitation email when an invitation with an
-- address is created (trigger on chassis.invitations). Layer: chassis. The token is only in the inviting
-- transaction: chassis.invite() exposes it as the transaction-local GUC stance.invitation_token.
create function chassis.tg_invitations__send_email()
returns trigger
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_tenant chassis.tenants;
  v_inviter chassis.users;
begin
  select t.* into v_tenant from chassis.tenants as t where t.id = new.tenant_id;
  select u.* into v_inviter from chassis.users as u where u.id = new.invited_by;
  perform chassis.send_email('invitation', new.email::text, pg_catalog.jsonb_build_object(
    'invitation_id', new.id,
    'tenant_name', v_tenant.name,
    'tenant_slug', v_tenant.slug::text,
    'role', new.role,
    'inviter', coalesce(v_inviter.name, v_inviter.email::text, 'a member'),
    'expires_at', new.expires_at,
    'token', nullif(pg_catalog.current_setting('stance.invitation_token', true), '')
  ));
  return null;
end;
$$;
