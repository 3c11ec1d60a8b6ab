package id.bimtek.workflow;

import static id.bimtek.proposal.ProcessVariables.REGISTRATION_DEADLINE;

import id.bimtek.audit.AuditTrail;
import id.bimtek.proposal.Program;
import id.bimtek.proposal.ProgramRepository;
import id.bimtek.proposal.ProgramStatus;
import id.bimtek.shared.ProblemException;
import id.bimtek.shared.Wib;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A department head moves a programme's registration deadline, or closes registration now, with a reason: a
 * real change of plan (and the way to move a demo on) is a recorded decision, never a job run by hand. The
 * programme's deadline, the process's timer and the audit trail change together.
 */
@Service
public class RegistrationDeadlines {

    private static final String STEP = "changeRegistrationDeadline";

    private final ProgramRepository programs;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final DecisionLog decisions;
    private final AuditTrail audit;

    RegistrationDeadlines(ProgramRepository programs, RuntimeService runtime, ManagementService management,
                          DecisionLog decisions, AuditTrail audit) {
        this.programs = programs;
        this.runtime = runtime;
        this.management = management;
        this.decisions = decisions;
        this.audit = audit;
    }

    /**
     * openRegistration ({@code ${registrationDeadlines.timerDateOf(…)}}, into {@code registrationDeadline}): the
     * process's timer waits for the programme's deadline.
     */
    @Transactional(readOnly = true)
    public String timerDateOf(long programId) {
        return programs.findById(programId).orElseThrow().getRegistrationDeadline().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** extendRegistration: the department head's new deadline (their decision's {@code registrationDeadline}) becomes the programme's. */
    @Transactional
    public void extended(long programId, String deadline) {
        programs.findById(programId).orElseThrow().extendRegistration(Instant.parse(deadline));
    }

    /** {@code deadline}: the new one; null closes registration now. Returns the deadline in force. */
    @Transactional
    public Instant change(long programId, Instant deadline, String reason, String user) {
        if (reason == null || reason.isBlank() || reason.length() > 1000) {
            throw ProblemException.invalid("reason", "a reason of at most 1000 characters is required");
        }
        audit.holdChain(programId); // the lock order: the chain head before the programme's row
        Program program = programs.lockById(programId).orElseThrow(() -> ProblemException.notFound("programme " + programId));
        if (program.getStatus() != ProgramStatus.REGISTRATION_OPEN) {
            throw ProblemException.conflict("status", "registration of " + program.getCode() + " is not open (it is "
                    + program.getStatus() + ")").because("REGISTRATION_NOT_OPEN", program.getCode());
        }
        Instant now = Wib.now().truncatedTo(ChronoUnit.SECONDS);
        Instant next = deadline == null ? now : deadline.truncatedTo(ChronoUnit.SECONDS);
        if (next.isBefore(now)) {
            throw ProblemException.invalid("deadline", "the new deadline must not be in the past").because("NEW_DEADLINE_PAST");
        }
        Job timer = management.createJobQuery().processInstanceId(program.getProcessInstanceId()).timers()
                .activityId("registrationDeadline").singleResult();
        if (timer == null) {
            throw ProblemException.conflict("status", "the registration of " + program.getCode() + " is closing already")
                    .because("REGISTRATION_CLOSING", program.getCode());
        }
        Instant before = program.getRegistrationDeadline();
        program.extendRegistration(next);
        runtime.setVariable(program.getProcessInstanceId(), REGISTRATION_DEADLINE, next.toString());
        management.setJobDuedate(timer.getId(), Date.from(next));
        String decision = deadline == null ? "CLOSE_REGISTRATION" : "MOVE_DEADLINE";
        decisions.record(programId, STEP, "Ubah batas pendaftaran", null, decision, reason.strip(), user, null);
        audit.append(programId, AuditTrail.Stage.REGISTRATION.entry("REGISTRATION_DEADLINE_CHANGED", user)
                .on(program.getCode())
                .saying("dari " + Wib.toTheMinute(before) + " menjadi " + Wib.toTheMinute(next))
                .changing(Map.of("registrationDeadline", String.valueOf(before)),
                        Map.of("registrationDeadline", next.toString(), "reason", reason.strip())));
        return next;
    }
}
