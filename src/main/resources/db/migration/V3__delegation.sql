-- A head on leave hands their approvals to a deputy for a period.
create table delegation (
    id           bigserial primary key,
    principal    varchar(100)  not null,
    deputy       varchar(100)  not null,
    valid_from   timestamptz   not null,
    valid_until  timestamptz   not null,
    reason       varchar(500),
    created_by   varchar(100)  not null,
    created_at   timestamptz   not null default now(),
    revoked_at   timestamptz,
    revoked_by   varchar(100),
    constraint delegation_period check (valid_until > valid_from),
    constraint delegation_not_to_self check (principal <> deputy)
);
create index delegation_deputy on delegation (deputy, valid_until);

-- a decision taken by a deputy names the head on whose behalf it was taken
alter table decision add column on_behalf_of varchar(100);
