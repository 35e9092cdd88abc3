-- sql/functions/chassis/open_invitation.sql — lock and check the pending invitation behind a token. Layer: chassis.
-- Not granted: shared by accept_invitation() and decline_invitation(). Raises PT404 / PT409 / PT403.
create function chassis.open_invitation(token text)
returns chassis.invitations
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_user_id uuid := chassis.require_user();
  v_invitation chassis.invitations;
  v_email text;
begin
  select i.* into v_invitation
  from chassis.invitations as i
  where i.token_hash = pg_catalog.sha256(pg_catalog.convert_to(coalesce(open_invitation.token, ''), 'UTF8'))
  for update;
  if not found then
    raise sqlstate 'PT404' using message = 'invitation not found';
  end if;
  if v_invitation.status <> 'pending' then
    raise sqlstate 'PT409' using message = pg_catalog.format('invitation already %s', v_invitation.status);
  end if;
  if v_invitation.expires_at <= now() then
    raise sqlstate 'PT409' using message = pg_catalog.format('invitation expired at %s', v_invitation.expires_at);
  end if;
  if v_invitation.email is not null then
    select u.email::text into v_email from chassis.users as u where u.id = v_user_id;
    if v_email is null or pg_catalog.lower(v_invitation.email::text) <> pg_catalog.lower(v_email) then
      raise sqlstate 'PT403' using message = 'invitation was sent to another email address';
    end if;
  end if;
  return v_invitation;
end;
$$;
revoke all on function chassis.open_invitation(text) from public;
