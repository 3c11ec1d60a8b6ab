package id.bimtek.proposal;

/**
 * Where a programme stands. Each value belongs to the BPMN wait states listed beside it, so the
 * domain status and the process instance can be checked against each other at any time.
 */
public enum ProgramStatus {
    /** no process yet: staff are writing the proposal */
    DRAFT,
    /** submitted; the process is validating it */
    SUBMITTED,
    /** reviseProposal: back with staff (validation failed, sent back, or the budget line was too small) */
    REVISION_REQUIRED,
    /** reviewProposal: with the division head */
    IN_REVIEW,
    /** approveBudget, secondBudgetApproval: with the department head(s) */
    BUDGET_APPROVAL,
    /** registrationDeadline timer: applicants may register */
    REGISTRATION_OPEN,
    /** decideUndersubscription, confirmParticipants */
    REGISTRATION_CLOSED,
    /** recordAttendance (per batch) */
    IN_DELIVERY,
    /** fileClosingReport */
    CLOSING,
    /** approveClosingReport */
    CLOSING_APPROVAL,
    /** monitoring rounds */
    FOLLOW_UP,
    COMPLETED,
    REJECTED,
    CANCELLED;

    public boolean isEditableByStaff() {
        return this == DRAFT || this == REVISION_REQUIRED;
    }
}
