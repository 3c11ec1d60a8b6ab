-- Where a business stood when it applied: monthly revenue (Rp) and people working in it, as the applicant said.
-- Optional; the outcome dashboard sets each monitoring round against it. Registrations from before stay empty.
alter table registration add column monthly_revenue numeric(18, 2) check (monthly_revenue >= 0);
alter table registration add column employees integer check (employees >= 0);

-- The dashboard's repeat participants: who took part in another programme, looked up by NIK.
create index registration_nik_participant on registration (nik) where status = 'CONFIRMED';
