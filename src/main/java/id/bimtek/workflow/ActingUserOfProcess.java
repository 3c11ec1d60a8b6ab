package id.bimtek.workflow;

import id.bimtek.shared.ActingUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * {@code ${actingUser.of(execution)}}: the user on whose action a service task runs (set by the task API and the
 * webapps), or {@value ActingUser#SYSTEM} for timers and jobs. The BPMN hands it to the stage services it calls.
 */
@Component("actingUser")
public class ActingUserOfProcess {

    public String of(DelegateExecution execution) {
        return ActingUser.of(execution);
    }
}
