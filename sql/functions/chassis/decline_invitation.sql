-- sql/functions/chassis/decline_invitation.sql — refuse an invitation; it cannot be used afterwards. Layer: chassis.
-- Behind api.decline_invitation().
create function chassis.decline_invitation(token text)
returns void
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_user_id uuid := chassis.require_user();
  v_invitation chassis.invitations := chassis.open_invitation(decline_invitation.token);
begin
  update chassis.invitations as i
  set status = 'declined', responded_by = v_user_id, responded_at = now()
  where i.id = v_invitation.id;
end;
$$;
grant execute on function chassis.decline_invitation(text) to authenticated, sidecar;
