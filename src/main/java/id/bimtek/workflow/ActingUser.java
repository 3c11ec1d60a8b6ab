package id.bimtek.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** The user on whose action a delegate runs (set by {@link WorkflowTasks}), or "system" for timers and jobs. */
public final class ActingUser {

    private ActingUser() {
    }

    public static String of(DelegateExecution execution) {
        Authentication authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return authentication == null || authentication.getUserId() == null ? DecisionLog.SYSTEM : authentication.getUserId();
    }
}
