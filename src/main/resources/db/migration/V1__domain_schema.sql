-- Domain schema of the programme lifecycle. Camunda keeps its own tables (ACT_*), created by the engine.

create table budget_line (
    id            bigserial primary key,
    code          varchar(64)    not null,
    name          varchar(300)   not null,
    fiscal_year   integer        not null check (fiscal_year between 2000 and 2100),
    source        varchar(8)     not null check (source in ('APBD', 'APBN')),
    ceiling       numeric(18, 2) not null check (ceiling >= 0),
    committed     numeric(18, 2) not null default 0 check (committed >= 0),
    realised      numeric(18, 2) not null default 0 check (realised >= 0),
    created_at    timestamptz    not null default now(),
    -- the ceiling (pagu) can never be over-committed, whatever the concurrency
    constraint budget_line_within_ceiling check (committed + realised <= ceiling),
    constraint budget_line_code_year unique (code, fiscal_year)
);

-- Every movement of money on a line: the ledger auditors reconcile against.
create table budget_movement (
    id              bigserial primary key,
    budget_line_id  bigint         not null references budget_line (id),
    program_id      bigint,
    kind            varchar(16)    not null check (kind in ('COMMIT', 'REALISE', 'RELEASE')),
    amount          numeric(18, 2) not null check (amount >= 0),
    actor           varchar(100)   not null,
    happened_at     timestamptz    not null default now()
);
create index budget_movement_line on budget_movement (budget_line_id, id);

create sequence program_code_seq;

create table program (
    id                            bigserial primary key,
    code                          varchar(40)    not null unique,
    title                         varchar(300)   not null,
    kind                          varchar(40)    not null,
    agency                        varchar(300)   not null,
    budget_line_id                bigint         not null references budget_line (id),
    fiscal_year                   integer        not null,
    registration_deadline         timestamptz    not null,
    minimum_participants          integer        not null check (minimum_participants >= 0),
    completion_threshold_percent  integer        not null check (completion_threshold_percent between 1 and 100),
    follow_up_rounds              varchar(200)   not null,
    tracks                        varchar(500)   not null,
    status                        varchar(32)    not null,
    process_instance_id           varchar(64),
    committed_amount              numeric(18, 2) not null default 0 check (committed_amount >= 0),
    realised_amount               numeric(18, 2) not null default 0 check (realised_amount >= 0),
    cancellation_reason           varchar(2000),
    created_by                    varchar(100)   not null,
    created_at                    timestamptz    not null default now(),
    updated_at                    timestamptz    not null default now(),
    closed_at                     timestamptz,
    version                       bigint         not null default 0
);
create index program_status on program (status);

create table batch (
    id          bigserial primary key,
    program_id  bigint       not null references program (id) on delete cascade,
    position    integer      not null,
    name        varchar(100) not null,
    track       varchar(40)  not null,
    start_date  date         not null,
    end_date    date         not null,
    venue       varchar(300) not null,
    mode        varchar(8)   not null check (mode in ('OFFLINE', 'ONLINE', 'HYBRID')),
    quota       integer      not null check (quota > 0),
    sessions    integer      not null check (sessions > 0),
    -- seats held by REGISTERED/CONFIRMED registrations; the CHECK is the backstop of the seat count
    taken       integer      not null default 0,
    delivered   boolean      not null default false,
    constraint batch_seats_within_quota check (taken >= 0 and taken <= quota),
    constraint batch_dates check (end_date >= start_date),
    constraint batch_name_unique unique (program_id, name)
);

create table budget_item (
    id           bigserial primary key,
    program_id   bigint         not null references program (id) on delete cascade,
    position     integer        not null,
    description  varchar(300)   not null,
    amount       numeric(18, 2) not null check (amount > 0)
);

-- Every decision on a programme (review, budget, registration, closing, cancellation), with its actor.
create table decision (
    id          bigserial primary key,
    program_id  bigint        not null references program (id),
    task_key    varchar(64)   not null,
    task_name   varchar(200)  not null,
    task_id     varchar(64),
    decision    varchar(32)   not null,
    comment     varchar(2000),
    actor       varchar(100)  not null,
    decided_at  timestamptz   not null default now()
);
create index decision_program on decision (program_id, id);

create table registration (
    id                  bigserial primary key,
    program_id          bigint       not null references program (id),
    batch_id            bigint       not null references batch (id),
    -- given to the applicant: with the NIK it proves a withdrawal is theirs
    reference           varchar(16)  not null unique,
    nik                 char(16)     not null,
    name                varchar(200) not null,
    business_name       varchar(200) not null,
    sector              varchar(40)  not null,
    district            varchar(100) not null,
    phone               varchar(20)  not null,
    status              varchar(16)  not null check (status in
                            ('REGISTERED', 'WAITLISTED', 'CONFIRMED', 'WITHDRAWN', 'NOT_SELECTED', 'CANCELLED')),
    registered_at       timestamptz  not null default now(),
    status_changed_at   timestamptz  not null default now(),
    attendance_percent  integer,
    completed           boolean,
    certificate_number  varchar(60),
    constraint registration_certificate_unique unique (program_id, certificate_number)
);
-- one NIK holds at most one place (registered, waitlisted or confirmed) in a programme
create unique index registration_one_place_per_nik on registration (program_id, nik)
    where status in ('REGISTERED', 'WAITLISTED', 'CONFIRMED');
create index registration_waitlist on registration (batch_id, id) where status = 'WAITLISTED';
create index registration_program on registration (program_id, status);

create table attendance (
    id               bigserial primary key,
    registration_id  bigint       not null references registration (id),
    batch_id         bigint       not null references batch (id),
    session_no       integer      not null check (session_no > 0),
    present          boolean      not null,
    recorded_by      varchar(100) not null,
    recorded_at      timestamptz  not null default now(),
    constraint attendance_once_per_session unique (registration_id, session_no)
);
create index attendance_batch on attendance (batch_id, session_no);

create table closing_report (
    id              bigserial primary key,
    program_id      bigint         not null references program (id),
    -- the fileClosingReport task it was filed for
    task_id         varchar(64)    not null,
    notes           varchar(4000),
    realised_total  numeric(18, 2) not null check (realised_total >= 0),
    filed_by        varchar(100)   not null,
    filed_at        timestamptz    not null default now()
);
create index closing_report_program on closing_report (program_id, id);

create table closing_realised_item (
    id                 bigserial primary key,
    closing_report_id  bigint         not null references closing_report (id) on delete cascade,
    position           integer        not null,
    description        varchar(300)   not null,
    amount             numeric(18, 2) not null check (amount >= 0)
);

create table follow_up_item (
    id               bigserial primary key,
    program_id       bigint        not null references program (id),
    registration_id  bigint        not null references registration (id),
    kind             varchar(32)   not null check (kind in ('MENTORING', 'PACKAGING', 'HALAL_CERTIFICATION',
                         'TRADEMARK', 'EXHIBITION', 'EQUIPMENT_AID', 'BUSINESS_LICENCE')),
    status           varchar(16)   not null check (status in ('PLANNED', 'IN_PROGRESS', 'DONE', 'DROPPED')),
    note             varchar(1000),
    updated_by       varchar(100)  not null,
    updated_at       timestamptz   not null default now(),
    constraint follow_up_item_once unique (registration_id, kind)
);

create table outcome (
    id               bigserial primary key,
    program_id       bigint         not null references program (id),
    registration_id  bigint         not null references registration (id),
    round            integer        not null check (round > 0),
    business_active  boolean        not null,
    monthly_revenue  numeric(18, 2) not null check (monthly_revenue >= 0),
    employees        integer        not null check (employees >= 0),
    recorded_by      varchar(100)   not null,
    recorded_at      timestamptz    not null default now(),
    constraint outcome_once_per_round unique (registration_id, round)
);
