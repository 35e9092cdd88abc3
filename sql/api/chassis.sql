-- sql/api/chassis.sql — manifest of the chassis layer's api objects (views, RPCs). Layer: chassis.
\ir chassis/me.sql
\ir chassis/my_tenants.sql
\ir chassis/members.sql
\ir chassis/invitations.sql
\ir chassis/sign_in.sql
\ir chassis/create_team.sql
\ir chassis/invite.sql
\ir chassis/accept_invitation.sql
\ir chassis/decline_invitation.sql
\ir chassis/revoke_invitation.sql
\ir chassis/change_member_role.sql
\ir chassis/remove_member.sql
\ir chassis/leave_tenant.sql
