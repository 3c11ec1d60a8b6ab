package id.bimtek.proposal;

/** Names of the process variables of {@code program-lifecycle}: IDs and small routing values only. */
public final class ProcessVariables {

    public static final String PROCESS_KEY = "program-lifecycle";

    public static final String PROGRAM_ID = "programId";
    public static final String PROPOSAL_VALID = "proposalValid";
    public static final String VALIDATION_PROBLEMS = "validationProblems";
    public static final String BUDGET_COMMITTED = "budgetCommitted";
    public static final String REGISTRATION_DEADLINE = "registrationDeadline";
    public static final String ENOUGH_REGISTRANTS = "enoughRegistrants";
    public static final String BATCH_ID = "batchId";
    public static final String ROUND_DUE_DATE = "roundDueDate";

    public static final String CANCELLATION_MESSAGE = "ProgramCancellationRequested";
    public static final String CANCELLATION_REASON = "cancellationReason";
    public static final String CANCELLED_BY = "cancelledBy";

    private ProcessVariables() {
    }
}
