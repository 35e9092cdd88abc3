-- sql/policies/chassis/email.sql — the email outbox: its send task, and invitations queueing their email.
-- Layer: chassis. chassis.email_messages has no policies (worker and operators only).
select chassis.register_task('email_messages__send', 'email');
create trigger _600_send_email after insert on chassis.invitations
for each row when (new.email is not null) execute function chassis.tg_invitations__send_email();
