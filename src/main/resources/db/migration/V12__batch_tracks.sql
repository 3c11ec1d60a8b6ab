-- A batch may be open to several of its programme's tracks (a wave for food and apparel businesses alike);
-- an applicant's sector is checked against the tracks of the batch they apply to.
alter table batch add column tracks varchar(500);
update batch set tracks = track;
alter table batch alter column tracks set not null;
alter table batch drop column track;
