-- An applicant may give an e-mail address besides the phone number: their messages go to both. A message to an
-- applicant's address is an outbox row of its own (recipient_email, no user), delivered and retried on its own.
alter table registration add column email varchar(254);
alter table notification drop constraint notification_has_recipient;
alter table notification add constraint notification_has_recipient
    check (recipient_user is not null or recipient_phone is not null or recipient_email is not null);
