-- Sessions as agencies plan them: each session of a batch has its date, times, mode (online or on site),
-- its place or meeting link, its topic, and who teaches it. Attendance and completion follow from them.
create table batch_session (
    id            bigserial primary key,
    batch_id      bigint       not null references batch (id) on delete cascade,
    session_no    integer      not null check (session_no > 0),
    session_date  date         not null,
    start_time    time         not null,
    end_time      time         not null,
    mode          varchar(8)   not null check (mode in ('ONLINE', 'ON_SITE')),
    venue         varchar(300),
    meeting_link  varchar(500),
    topic         varchar(300) not null,
    constraint batch_session_once unique (batch_id, session_no),
    constraint batch_session_times check (end_time > start_time),
    constraint batch_session_place check ((mode = 'ON_SITE' and venue is not null)
                                          or (mode = 'ONLINE' and meeting_link is not null))
);

-- Existing batches get the sessions their numbers imply: one a day from the start (the last days repeat
-- the end date when there are more sessions than days), 08:00 to 16:00, on site at the batch's venue,
-- or online for an online batch (its venue field then holds the link).
insert into batch_session (batch_id, session_no, session_date, start_time, end_time, mode, venue, meeting_link, topic)
select b.id, n, least(b.start_date + (n - 1), b.end_date), time '08:00', time '16:00',
       case when b.mode = 'ONLINE' then 'ONLINE' else 'ON_SITE' end,
       case when b.mode = 'ONLINE' then null else b.venue end,
       case when b.mode = 'ONLINE' then b.venue else null end,
       'Sesi ' || n
  from batch b cross join lateral generate_series(1, b.sessions) as n;

-- Instructors and resource persons (narasumber), kept across programmes.
create table instructor (
    id          bigserial primary key,
    name        varchar(200) not null,
    expertise   varchar(300) not null,
    agency      varchar(300),
    phone       varchar(20),
    email       varchar(200),
    created_by  varchar(100) not null,
    created_at  timestamptz  not null default now()
);

-- Who teaches a session, as what, and the honorarium paid from which budget item of the programme.
create table session_instructor (
    id               bigserial primary key,
    session_id       bigint         not null references batch_session (id) on delete cascade,
    instructor_id    bigint         not null references instructor (id),
    role             varchar(12)    not null check (role in ('INSTRUKTUR', 'NARASUMBER')),
    honorarium       numeric(18, 2) not null default 0 check (honorarium >= 0),
    honorarium_item  varchar(300),
    constraint session_instructor_once unique (session_id, instructor_id),
    constraint session_instructor_paid_from_item check (honorarium = 0 or honorarium_item is not null)
);

-- Completion counts sessions (the default) or hours, as the programme says.
alter table program add column completion_basis varchar(8) not null default 'SESSIONS'
    check (completion_basis in ('SESSIONS', 'HOURS'));
alter table registration add column attended_hours numeric(6, 2);

-- Whether the instructors came, recorded with each session's attendance (owned by delivery, like attendance).
create table instructor_attendance (
    id             bigserial primary key,
    session_id     bigint       not null references batch_session (id),
    instructor_id  bigint       not null references instructor (id),
    present        boolean      not null,
    recorded_by    varchar(100) not null,
    recorded_at    timestamptz  not null default now(),
    constraint instructor_attendance_once unique (session_id, instructor_id)
);
