-- sql/policies/chassis/email.sql — the email outbox has no policies (worker and operators only); invitations
-- send their email through it. Layer: chassis.
create trigger _600_send_email after insert on chassis.invitations
for each row when (new.email is not null) execute function chassis.tg_invitations__send_email();
