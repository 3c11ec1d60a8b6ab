-- The programme's status is one of ProgramStatus's names, as every other status and kind column already is;
-- StatusNamesTest keeps each such column's check and its Java enum alike.
alter table program add constraint program_status_check check (status in (
    'DRAFT', 'SUBMITTED', 'REVISION_REQUIRED', 'IN_REVIEW', 'BUDGET_APPROVAL', 'REGISTRATION_OPEN',
    'REGISTRATION_CLOSED', 'IN_DELIVERY', 'CLOSING', 'CLOSING_APPROVAL', 'FOLLOW_UP', 'COMPLETED', 'REJECTED',
    'CANCELLED'));
