package id.bimtek.workflow;

import id.bimtek.shared.CurrentUser;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.task.Task;

/**
 * What completing a user task of one kind means: validate the submitted form, do the domain part of
 * it, and return the process variables to complete the task with. Runs in the transaction that
 * completes the task, so a refused form changes nothing.
 */
public interface TaskCompletion {

    /** The BPMN task definition keys this handles. */
    Set<String> taskKeys();

    Map<String, Object> complete(Task task, long programId, Map<String, Object> form, CurrentUser user);
}
