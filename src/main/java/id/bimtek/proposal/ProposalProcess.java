package id.bimtek.proposal;

/**
 * What the proposal stage asks of the programme's process; the gate ({@code workflow.ProgramProcess}) answers, so that
 * this package needs nothing of the engine.
 */
public interface ProposalProcess {

    /** Starts the programme's process in the caller's transaction; returns its instance id. */
    String start(Program program);

    /**
     * Completes the programme's open revision task as the user, the way every task is completed; false when the
     * process has no open revision.
     */
    boolean resubmit(Program program, String user);
}
