package id.bimtek.proposal;

import id.bimtek.audit.AuditTrail;
import id.bimtek.shared.ActingUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the programme's status in step with its process: the BPMN calls
 * {@code ${programStatus.set(execution, 'IN_REVIEW')}} as a start listener of each wait state, inside
 * the engine's transaction.
 */
@Component("programStatus")
public class ProgramStatusTracker {

    private final ProcessPrograms processPrograms;
    private final ProgramRepository programs;
    private final AuditTrail audit;

    public ProgramStatusTracker(ProgramRepository programs, AuditTrail audit, ProcessPrograms processPrograms) {
        this.processPrograms = processPrograms;
        this.programs = programs;
        this.audit = audit;
    }

    @Transactional
    public void set(DelegateExecution execution, String status) {
        Long programId = processPrograms.idOf(execution);
        change(programs.findById(programId).orElseThrow(), ProgramStatus.valueOf(status), ActingUser.of(execution));
    }

    /** Every status change of a programme goes through here, so the audit trail has each one with its actor. */
    @Transactional
    public void change(Program program, ProgramStatus next, String actor) {
        ProgramStatus previous = program.getStatus();
        if (previous == next) {
            return;
        }
        program.moveTo(next);
        audit.append(program.getId(), AuditTrail.Stage.PROCESS, "STATUS_CHANGED", actor, null, program.getCode(),
                previous + " -> " + next, java.util.Map.of("status", previous.name()), java.util.Map.of("status", next.name()));
    }
}
