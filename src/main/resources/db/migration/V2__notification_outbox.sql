-- The notification outbox: rows are written in the transaction of the step that causes them (so a
-- rolled-back step notifies nobody) and sent afterwards by OutboxSender (so a mail server that is down
-- loses nothing: the row stays unsent and is retried).
create table notification (
    id               bigserial     primary key,
    recipient_user   varchar(100)  not null,
    -- the Camunda user's e-mail address when the row was written; null if the user has none
    recipient_email  varchar(300),
    -- TASK_ASSIGNED, REMINDER, ESCALATION, DECISION, ...
    kind             varchar(32)   not null,
    subject          varchar(300)  not null,
    body             text          not null,
    program_id       bigint,
    created_at       timestamptz   not null default now(),
    sent_at          timestamptz,
    attempts         integer       not null default 0,
    last_error       varchar(1000),
    next_attempt_at  timestamptz   not null default now()
);
-- what the sender polls: unsent rows by due time
create index notification_due on notification (next_attempt_at, id) where sent_at is null;
create index notification_program on notification (program_id) where program_id is not null;
