package id.bimtek.workflow;

import id.bimtek.shared.CurrentUser;
import java.util.Map;
import java.util.Set;

/**
 * What completing a user task of one kind means: validate the submitted form, do the domain part of
 * it, and return the process variables to complete the task with. Runs in the transaction that
 * completes the task, so a refused form changes nothing.
 */
public interface TaskCompletion {

    /** The open task being completed, and the programme it belongs to (from the process's business key). */
    record OpenTask(String id, String key, long programId) {
    }

    /** The BPMN task definition keys this handles. */
    Set<String> taskKeys();

    Map<String, Object> complete(OpenTask task, Map<String, Object> form, CurrentUser user);

    /**
     * Refuses the completion, on every surface (Tasklist too), while the stage's records do not allow it; called
     * by the gate's {@code ${taskCompletionCheck}} listener on the task's {@code complete} event.
     */
    default void checkCompletable(OpenTask task) {
    }
}
