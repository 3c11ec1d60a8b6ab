package id.bimtek.shared;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** The user on whose action a delegate runs (set by the task API and by the webapps), or "system" for timers and jobs. */
public final class ActingUser {

    public static final String SYSTEM = "system";

    private ActingUser() {
    }

    public static String of(DelegateExecution execution) {
        return of(execution.getProcessEngineServices().getIdentityService());
    }

    public static String of(org.camunda.bpm.engine.IdentityService identity) {
        Authentication authentication = identity.getCurrentAuthentication();
        return authentication == null || authentication.getUserId() == null ? SYSTEM : authentication.getUserId();
    }
}
