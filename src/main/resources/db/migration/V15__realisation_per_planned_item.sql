-- A closing report realises the proposal's own budget items: each realised item names its planned item
-- (position and amount as planned, kept here so the report reads the same after any later change), or it is
-- an item nobody planned, which needs a reason. Reports filed before this migration keep their free items.
alter table closing_realised_item add column planned_position integer;
alter table closing_realised_item add column planned_amount numeric(18, 2);
alter table closing_realised_item add column reason varchar(1000);
-- not valid: enforced for every new item, not checked on the free items of earlier reports
alter table closing_realised_item add constraint closing_item_planned_or_explained
    check (planned_position is not null or reason is not null) not valid;
