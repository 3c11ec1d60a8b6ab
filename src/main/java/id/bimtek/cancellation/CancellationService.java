package id.bimtek.cancellation;

import id.bimtek.budget.BudgetService;
import id.bimtek.proposal.Program;
import id.bimtek.proposal.ProgramRepository;
import id.bimtek.proposal.ProgramStatus;
import id.bimtek.proposal.ProgramStatusTracker;
import id.bimtek.registration.RegistrationService;
import id.bimtek.shared.ProblemException;
import id.bimtek.workflow.DecisionLog;
import id.bimtek.workflow.ProgramProcess;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cancelling a programme before closing. A running process is interrupted through its cancellation
 * message; the process's cancel step then releases the budget and cancels the registrations.
 */
@Service
public class CancellationService {

    /** After delivery the money is accounted for by closing, not by cancellation. */
    private static final Set<ProgramStatus> CANCELLABLE = EnumSet.of(ProgramStatus.DRAFT, ProgramStatus.SUBMITTED,
            ProgramStatus.REVISION_REQUIRED, ProgramStatus.IN_REVIEW, ProgramStatus.BUDGET_APPROVAL,
            ProgramStatus.REGISTRATION_OPEN, ProgramStatus.REGISTRATION_CLOSED, ProgramStatus.IN_DELIVERY);

    private final ProgramRepository programs;
    private final ProgramProcess process;
    private final BudgetService budget;
    private final RegistrationService registrations;
    private final DecisionLog decisions;
    private final ProgramStatusTracker statuses;

    public CancellationService(ProgramRepository programs, ProgramProcess process, BudgetService budget,
                               RegistrationService registrations, DecisionLog decisions, ProgramStatusTracker statuses) {
        this.statuses = statuses;
        this.programs = programs;
        this.process = process;
        this.budget = budget;
        this.registrations = registrations;
        this.decisions = decisions;
    }

    public static boolean isCancellable(ProgramStatus status) {
        return CANCELLABLE.contains(status);
    }

    @Transactional
    public Program requestCancellation(long programId, String reason, String user) {
        Program program = programs.lockById(programId).orElseThrow(() -> ProblemException.notFound("programme " + programId));
        if (!CANCELLABLE.contains(program.getStatus())) {
            throw ProblemException.conflict("status", "programme " + program.getCode() + " is " + program.getStatus()
                    + " and can no longer be cancelled").because("NOT_CANCELLABLE", program.getCode());
        }
        decisions.record(programId, "cancelProgram", "Pembatalan program", null, "CANCEL", reason, user);
        if (program.getProcessInstanceId() == null) {
            program.cancelled(reason);
            statuses.change(program, ProgramStatus.CANCELLED, user);
        } else {
            process.requestCancellation(program, reason, user);
        }
        return program;
    }

    /** The process's cancel step: give the commitment back to the line and cancel every open place. */
    @Transactional
    public void cancel(long programId, String reason, String actor) {
        Program program = programs.findById(programId).orElseThrow();
        budget.release(program.getBudgetLineId(), programId, program.getCommittedAmount(), actor);
        // the reason first: the applicants are told it as their places are cancelled
        program.cancelled(reason);
        programs.flush();
        registrations.cancelAll(programId, actor);
        statuses.change(program, ProgramStatus.CANCELLED, actor);
    }
}
