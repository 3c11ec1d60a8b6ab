-- Applicants are not Camunda users: their messages go to the phone number they registered with, through an
-- SMS or WhatsApp gateway (MessageGateway), by the same outbox: written in the transaction of the change,
-- sent afterwards, retried while the gateway is down.
alter table notification alter column recipient_user drop not null;
alter table notification add column recipient_phone varchar(20);
alter table notification add column registration_id bigint;
alter table notification add constraint notification_has_recipient
    check (recipient_user is not null or recipient_phone is not null);
create index notification_registration on notification (registration_id) where registration_id is not null;
