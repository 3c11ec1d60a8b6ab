-- The region a programme serves, as a Kemendagri area code (province "36" or regency/city "3671");
-- applicants' domicile is checked against it. Empty: open to applicants from anywhere.
alter table program add column region_code varchar(4);

-- eligibility looks up earlier completions of an applicant across all programmes
create index registration_completed_nik on registration (nik) where completed;
