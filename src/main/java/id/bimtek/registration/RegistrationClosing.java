package id.bimtek.registration;

import id.bimtek.proposal.Program;
import id.bimtek.proposal.ProgramRepository;
import id.bimtek.proposal.ProgramStatus;
import id.bimtek.proposal.ProgramStatusTracker;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * closeRegistration: locks every batch of the programme (as each registration locks its own), then changes the
 * status and counts: no applicant can slip in between the count and the status change.
 */
@Service
public class RegistrationClosing {

    private final RegistrationService registrations;
    private final ProgramRepository programs;
    private final ProgramStatusTracker statuses;

    RegistrationClosing(RegistrationService registrations, ProgramRepository programs, ProgramStatusTracker statuses) {
        this.registrations = registrations;
        this.programs = programs;
        this.statuses = statuses;
    }

    /** Whether enough applicants registered to run the programme (the process's {@code enoughRegistrants}). */
    @Transactional
    public boolean close(long programId, String actor) {
        // the lock order of AuditTrail.holdChain: chain head and batches first, the programme row when it changes
        registrations.lockBatches(programId);
        Program program = programs.findById(programId).orElseThrow();
        statuses.change(program, ProgramStatus.REGISTRATION_CLOSED, actor);
        programs.flush();
        return registrations.countRegistrants(programId) >= program.getMinimumParticipants();
    }
}
