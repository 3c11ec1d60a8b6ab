-- A batch whose attendance was closed with planned sessions unrecorded says why, and who closed it.
alter table batch add column closed_by varchar(100);
alter table batch add column closed_at timestamptz;
alter table batch add column unrecorded_sessions_reason varchar(1000);

-- A monitoring round, once staff have recorded it: its outcomes are final from then on. Graduates without
-- an outcome in the round need the reason given when it was recorded.
create table monitoring_round (
    program_id      bigint        not null references program (id),
    round           integer       not null check (round > 0),
    graduates       integer       not null,
    recorded        integer       not null,
    missing_reason  varchar(1000),
    recorded_by     varchar(100)  not null,
    recorded_at     timestamptz   not null default now(),
    primary key (program_id, round),
    constraint monitoring_round_missing_explained check (recorded >= graduates or missing_reason is not null)
);

-- An outcome corrected before its round was recorded: who corrected it last, and when.
alter table outcome add column corrected_by varchar(100);
alter table outcome add column corrected_at timestamptz;

-- Whether a session's attendance has been recorded (a batch without participants records only that the
-- session took place), by whom last, and how often it was corrected; each recording is in the audit trail.
alter table batch_session add column attendance_recorded_by varchar(100);
alter table batch_session add column attendance_recorded_at timestamptz;
alter table batch_session add column attendance_corrections integer not null default 0;

-- The task that records a batch's attendance, noted when the engine creates it: closing the batch finds the batch
-- by its task, never by a process variable someone completing the task could have sent.
alter table batch add column attendance_task_id varchar(64) unique;
