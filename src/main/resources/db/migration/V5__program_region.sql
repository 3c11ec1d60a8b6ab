-- The region a programme serves, as a Kemendagri area code (province "36" or regency/city "3671");
-- applicants' domicile is checked against it. Empty: open to applicants from anywhere.
alter table program add column region_code varchar(4);
