-- Certificates as documents of their own: issued to a graduate when completion is assessed, verifiable by
-- anyone at /sertifikat/{number} (the QR code on the PDF leads there), and withdrawn with a reason when one
-- turns out to be wrong (a duplicate NIK found later, say). registration.certificate_number stays the number.
create table certificate (
    number             varchar(60)   primary key,
    registration_id    bigint        not null unique references registration (id),
    program_id         bigint        not null references program (id),
    issued_at          timestamptz   not null default now(),
    withdrawn_at       timestamptz,
    withdrawn_by       varchar(100),
    withdrawn_reason   varchar(1000),
    constraint certificate_withdrawn_with_reason check (withdrawn_at is null or withdrawn_reason is not null)
);
create index certificate_program on certificate (program_id);

insert into certificate (number, registration_id, program_id, issued_at)
select r.certificate_number, r.id, r.program_id, coalesce(p.closed_at, r.status_changed_at)
  from registration r join program p on p.id = r.program_id
 where r.certificate_number is not null;
