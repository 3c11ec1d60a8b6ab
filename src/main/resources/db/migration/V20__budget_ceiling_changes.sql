-- A line's ceiling (pagu) raised or lowered during the year (APBD-P, refocusing), never below what is committed
-- and realised on it (the line's own check keeps that), each change with who, when and why.
create table budget_ceiling_change (
    id              bigserial primary key,
    budget_line_id  bigint         not null references budget_line (id),
    old_ceiling     numeric(18, 2) not null,
    new_ceiling     numeric(18, 2) not null check (new_ceiling >= 0),
    reason          varchar(1000)  not null,
    actor           varchar(100)   not null,
    changed_at      timestamptz    not null default now()
);
create index budget_ceiling_change_line on budget_ceiling_change (budget_line_id, id);
