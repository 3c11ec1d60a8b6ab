-- The applicant's business identification number (Nomor Induk Berusaha, issued by OSS): optional,
-- 13 digits when given.
alter table registration add column nib char(13) check (nib ~ '^[0-9]{13}$');
