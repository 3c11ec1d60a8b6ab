package id.bimtek.proposal;

import id.bimtek.audit.AuditTrail;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one writer of a programme's status: the process's wait states (through the gate's {@code programStatus}
 * listener) and the few steps that change it themselves all come here, so the audit trail has each change with
 * its actor.
 */
@Component
public class ProgramStatusTracker {

    private final AuditTrail audit;

    public ProgramStatusTracker(AuditTrail audit) {
        this.audit = audit;
    }

    @Transactional
    public void change(Program program, ProgramStatus next, String actor) {
        ProgramStatus previous = program.getStatus();
        if (previous == next) {
            return;
        }
        program.moveTo(next);
        // the codes, as ever: the auditors' timeline gives both statuses their names, in old records and new
        audit.append(program.getId(), AuditTrail.Stage.PROCESS.entry("STATUS_CHANGED", actor)
                .on(program.getCode())
                .saying(previous + " -> " + next)
                .changing(Map.of("status", previous.name()), Map.of("status", next.name())));
    }
}
