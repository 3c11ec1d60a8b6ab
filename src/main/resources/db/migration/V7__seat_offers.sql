-- Seat offers: a freed seat is offered to the first waitlisted applicant, who has the programme's offer
-- time (an ISO-8601 duration, the seat-offer process's timer) to accept it. An OFFERED registration holds
-- its seat (counted in batch.taken) until it is accepted (REGISTERED), declined (OFFER_DECLINED) or
-- expires (OFFER_EXPIRED).
alter table program add column seat_offer_time varchar(20) not null default 'PT48H';

-- when the open offer's timer fires (the engine's due date); kept after the offer ends, for the record
alter table registration add column offer_expires_at timestamptz;

alter table registration drop constraint registration_status_check;
alter table registration add constraint registration_status_check check (status in
    ('REGISTERED', 'WAITLISTED', 'OFFERED', 'CONFIRMED', 'WITHDRAWN', 'NOT_SELECTED', 'CANCELLED',
     'OFFER_DECLINED', 'OFFER_EXPIRED'));

-- an applicant who is offered a seat still holds their one place in the programme
drop index registration_one_place_per_nik;
create unique index registration_one_place_per_nik on registration (program_id, nik)
    where status in ('REGISTERED', 'WAITLISTED', 'OFFERED', 'CONFIRMED');

-- at most one open offer per freed seat; closing and cancelling look them up per programme
create index registration_offered on registration (program_id) where status = 'OFFERED';

comment on column batch.taken is 'seats held by REGISTERED, OFFERED and CONFIRMED registrations';
