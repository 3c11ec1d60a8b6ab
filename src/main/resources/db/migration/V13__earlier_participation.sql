-- Agencies hold years of participant lists from before this system: an import may say that an applicant
-- completed an earlier programme (its name and when), so the repeat-participation rule and the ranking's
-- "first-time participant" hold from day one. Kept per NIK, across programmes, like completions here.
create table earlier_participation (
    id                      bigserial primary key,
    nik                     char(16)     not null,
    programme               varchar(300) not null,
    -- the kind of the programme the list was imported into: agencies import their own earlier lists
    kind                    varchar(40)  not null,
    completed_on            date         not null,
    recorded_for_program_id bigint       not null references program (id),
    recorded_by             varchar(100) not null,
    recorded_at             timestamptz  not null default now(),
    constraint earlier_participation_once unique (nik, programme, completed_on)
);
create index earlier_participation_nik on earlier_participation (nik, kind);

-- When the applicant applied: the moment of registration here, or the date on a paper form imported later.
-- Among equal points the earlier application ranks first.
alter table registration add column applied_at timestamptz;
update registration set applied_at = registered_at;
alter table registration alter column applied_at set not null;
