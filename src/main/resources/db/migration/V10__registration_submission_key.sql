-- An applicant who sends the same registration again (a lost answer, a second tap, a retry after a timeout)
-- gets the first answer again. The submission is known by the hash of its Idempotency-Key (API) or of the
-- form's one-time submission id (pages): only the sender knows it, so the answer, reference included, goes
-- to nobody who knows only the NIK.
alter table registration add column submission_key_hash text;
