-- A budget line belongs to one agency (the one whose DPA holds it); a programme paid from it must be that
-- agency's. Lines from before this migration take the agency of the first programme paid from them; a line
-- nobody used yet stays without one until an administrator sets it, and then accepts any agency.
alter table budget_line add column agency varchar(300);
update budget_line l set agency = (select p.agency from program p where p.budget_line_id = l.id order by p.id limit 1);

-- A programme whose batches fall outside its line's fiscal year says why; the reviewer reads it.
alter table program add column fiscal_year_reason varchar(2000);
