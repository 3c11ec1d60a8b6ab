-- A registration sent again is found by its submission key's hash (RegistrationService.sentBefore). Without an
-- index the look-up read the whole table, and every registration through the applicants' form makes it: 43 ms
-- at 47,000 registrations, growing with each. Only keyed registrations are in the index.
create index registration_submission_key on registration (submission_key_hash) where submission_key_hash is not null;
