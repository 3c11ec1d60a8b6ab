package id.bimtek.workflow;

import id.bimtek.shared.CurrentUser;
import java.util.Map;
import java.util.Set;

/**
 * What completing a user task of one kind means: the command it takes (a record, checked with Bean Validation
 * by the gate before this sees it), the domain part of it, and the process variables to complete the task with.
 * Runs in the transaction that completes the task, so a refused command changes nothing.
 *
 * @param <C> the task's command: what the form sends
 */
public interface TaskCompletion<C> {

    /** The open task being completed, and the programme it belongs to (from the process's business key). */
    record OpenTask(String id, String key, long programId) {
    }

    /** The BPMN task definition keys this handles. */
    Set<String> taskKeys();

    Class<C> commandType();

    Map<String, Object> complete(OpenTask task, C command, CurrentUser user);

    /**
     * Refuses the completion, on every surface (Tasklist too), while the stage's records do not allow it; called
     * by the gate on the task's {@code complete} event ({@code TaskCompletionCheck}, on every user task).
     */
    default void checkCompletable(OpenTask task) {
    }
}
