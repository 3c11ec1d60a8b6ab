-- An applicant import started from the staff page: how far it has got while it runs (rows decided so far), then
-- its report. Kept in the database, so whichever node serves the page that follows it sees the same.
create table import_run (
    id           bigserial     primary key,
    program_id   bigint        not null references program (id),
    started_by   varchar(100)  not null,
    row_count    integer       not null,
    decided      integer       not null default 0,
    state        varchar(8)    not null check (state in ('RUNNING', 'DONE', 'FAILED')),
    -- the ImportReport as JSON, once done
    report       text,
    error        varchar(1000),
    started_at   timestamptz   not null default now(),
    updated_at   timestamptz   not null default now(),
    finished_at  timestamptz
);
create index import_run_program on import_run (program_id, id);
