-- sql/functions/chassis/invite.sql — invite someone into the current tenant with a role. Layer: chassis.
-- Returns {invitation_id, token, expires_at}; the token is shown once, only its sha256 is stored.
-- Rules: owners and admins invite (chassis.member.invite); only owners invite owners; personal tenants have no
-- other members; validity between 5 minutes and 30 days. Behind api.invite().
create function chassis.invite(role text, email text default null, valid_for interval default '7 days')
returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_tenant_id uuid := chassis.require_tenant();
  v_token text := 'inv_' || pg_catalog.encode(extensions.gen_random_bytes(24), 'hex');
  v_id uuid;
  v_expires_at timestamptz;
begin
  if not chassis.can('chassis.member.invite') then
    raise sqlstate 'PT403' using message = 'only owners and admins can invite';
  end if;
  if invite.role is null or invite.role not in ('owner', 'admin', 'member', 'viewer') then
    raise sqlstate 'PT400' using message = pg_catalog.format('unknown role %s', coalesce(invite.role, 'null'));
  end if;
  if invite.role = 'owner' and chassis.current_tenant_role() <> 'owner' then
    raise sqlstate 'PT403' using message = 'only owners can invite owners';
  end if;
  if invite.valid_for is null or invite.valid_for < interval '5 minutes' or invite.valid_for > interval '30 days' then
    raise sqlstate 'PT400' using message = 'an invitation is valid for 5 minutes to 30 days';
  end if;
  if (select t.kind from chassis.tenants as t where t.id = v_tenant_id) = 'personal' then
    raise sqlstate 'PT400' using message = 'a personal tenant cannot have other members';
  end if;
  -- The invitation email trigger (chassis.tg_invitations__send_email) reads the token from this transaction only.
  perform pg_catalog.set_config('stance.invitation_token', v_token, true);
  insert into chassis.invitations (tenant_id, role, email, token_hash, invited_by, expires_at)
  values (
    v_tenant_id, invite.role, nullif(pg_catalog.btrim(invite.email), ''),
    pg_catalog.sha256(pg_catalog.convert_to(v_token, 'UTF8')), chassis.current_user_id(), now() + invite.valid_for
  )
  returning id, expires_at into v_id, v_expires_at;
  return pg_catalog.jsonb_build_object('invitation_id', v_id, 'token', v_token, 'expires_at', v_expires_at);
end;
$$;
grant execute on function chassis.invite(text, text, interval) to authenticated, sidecar;
