package id.bimtek.shared;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** The user on whose action a delegate runs (set by the task API and by the webapps), or "system" for timers and jobs. */
public final class ActingUser {

    public static final String SYSTEM = "system";

    private ActingUser() {
    }

    public static String of(DelegateExecution execution) {
        Authentication authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return authentication == null || authentication.getUserId() == null ? SYSTEM : authentication.getUserId();
    }
}
