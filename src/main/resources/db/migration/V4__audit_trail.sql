-- The auditors' record: append-only, and each programme's records chained by SHA-256 so that any
-- change made behind the application's back (directly in the database) is detected by verification.
create table audit_record (
    id            bigserial primary key,
    program_id    bigint         not null,
    seq           integer        not null,
    recorded_at   timestamptz    not null,
    stage         varchar(24)    not null,
    kind          varchar(40)    not null,
    actor         varchar(100)   not null,
    on_behalf_of  varchar(100),
    subject       varchar(300),
    detail        varchar(4000),
    old_value     text,
    new_value     text,
    prev_hash     char(64)       not null,
    hash          char(64)       not null,
    constraint audit_record_sequence unique (program_id, seq)
);
create index audit_record_program_time on audit_record (program_id, recorded_at);
create index audit_record_actor on audit_record (actor);

-- the end of each programme's chain: appending locks it, so records of one programme are strictly ordered
create table audit_chain_head (
    program_id  bigint    primary key,
    last_seq    integer   not null,
    last_hash   char(64)  not null
);

create function audit_record_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit records are append-only: % is not allowed', tg_op;
end $$;

create trigger audit_record_no_update before update or delete on audit_record
    for each row execute function audit_record_append_only();
create trigger audit_record_no_truncate before truncate on audit_record
    for each statement execute function audit_record_append_only();
