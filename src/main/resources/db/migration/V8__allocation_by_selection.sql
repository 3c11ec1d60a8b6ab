-- Two allocation modes per programme: first come, first served (seats in order of registration), or
-- selection (applications ranked after the deadline by bpmn/registration-ranking.dmn, reviewed by staff).
alter table program add column allocation_mode varchar(16) not null default 'FIRST_COME'
    check (allocation_mode in ('FIRST_COME', 'SELECTION'));

-- a ranking criterion the applicant declares: micro, small or medium business (UU 20/2008)
alter table registration add column business_scale varchar(8) check (business_scale in ('MICRO', 'SMALL', 'MEDIUM'));
-- the proposal of the ranking: points from the table and the place within the batch
alter table registration add column rank_points integer;
alter table registration add column rank_in_batch integer check (rank_in_batch > 0);

-- an application holds its place like a registration: one per NIK in a programme
alter table registration drop constraint registration_status_check;
alter table registration add constraint registration_status_check check (status in
    ('REGISTERED', 'WAITLISTED', 'APPLIED', 'OFFERED', 'CONFIRMED', 'WITHDRAWN', 'NOT_SELECTED', 'CANCELLED',
     'OFFER_DECLINED', 'OFFER_EXPIRED'));
drop index registration_one_place_per_nik;
create unique index registration_one_place_per_nik on registration (program_id, nik)
    where status in ('REGISTERED', 'WAITLISTED', 'APPLIED', 'OFFERED', 'CONFIRMED');
