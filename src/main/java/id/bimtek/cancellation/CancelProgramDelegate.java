package id.bimtek.cancellation;

import static id.bimtek.proposal.ProcessVariables.CANCELLATION_REASON;
import static id.bimtek.proposal.ProcessVariables.CANCELLED_BY;

import id.bimtek.proposal.ProcessPrograms;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** cancelProgram: reached from the cancellation message or from the under-subscription decision. */
@Component
public class CancelProgramDelegate implements JavaDelegate {

    private final ProcessPrograms processPrograms;
    private final CancellationService cancellation;

    public CancelProgramDelegate(CancellationService cancellation, ProcessPrograms processPrograms) {
        this.processPrograms = processPrograms;
        this.cancellation = cancellation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        cancellation.cancel(processPrograms.idOf(execution),
                (String) execution.getVariable(CANCELLATION_REASON), (String) execution.getVariable(CANCELLED_BY));
    }
}
