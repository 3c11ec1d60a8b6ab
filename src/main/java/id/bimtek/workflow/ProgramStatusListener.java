package id.bimtek.workflow;

import id.bimtek.proposal.ProgramRepository;
import id.bimtek.proposal.ProgramStatus;
import id.bimtek.proposal.ProgramStatusTracker;
import id.bimtek.shared.ActingUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the programme's status in step with its process: the BPMN calls
 * {@code ${programStatus.set(execution, 'IN_REVIEW')}} as a start listener of each wait state, inside the
 * engine's transaction; the change itself (and its audit record) is {@link ProgramStatusTracker}'s.
 */
@Component("programStatus")
public class ProgramStatusListener {

    private final ProcessPrograms processPrograms;
    private final ProgramRepository programs;
    private final ProgramStatusTracker statuses;

    ProgramStatusListener(ProcessPrograms processPrograms, ProgramRepository programs, ProgramStatusTracker statuses) {
        this.processPrograms = processPrograms;
        this.programs = programs;
        this.statuses = statuses;
    }

    @Transactional
    public void set(DelegateExecution execution, String status) {
        statuses.change(programs.findById(processPrograms.idOf(execution)).orElseThrow(), ProgramStatus.valueOf(status),
                ActingUser.of(execution));
    }
}
