package id.bimtek.delivery;

import static id.bimtek.proposal.ProcessVariables.BATCH_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** closeBatch: the batch's attendance is final once staff finish recording it. */
@Component
public class CloseBatchDelegate implements JavaDelegate {

    private final AttendanceService attendance;

    public CloseBatchDelegate(AttendanceService attendance) {
        this.attendance = attendance;
    }

    @Override
    public void execute(DelegateExecution execution) {
        attendance.closeBatch((Long) execution.getVariable(BATCH_ID));
    }
}
