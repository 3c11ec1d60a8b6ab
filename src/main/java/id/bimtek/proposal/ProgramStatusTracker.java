package id.bimtek.proposal;

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

    private final ProgramRepository programs;

    public ProgramStatusTracker(ProgramRepository programs) {
        this.programs = programs;
    }

    @Transactional
    public void set(DelegateExecution execution, String status) {
        Long programId = (Long) execution.getVariable(ProcessVariables.PROGRAM_ID);
        programs.findById(programId).orElseThrow().moveTo(ProgramStatus.valueOf(status));
    }
}
