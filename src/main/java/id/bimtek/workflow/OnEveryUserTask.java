package id.bimtek.workflow;

import java.util.Set;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * Behaviour every user task of the lifecycle has (the columns of Tasklist's lists, notifications, audit, deputies, the stage's
 * "not yet" on completion), attached once by
 * {@link EveryUserTask} instead of being written into the BPMN: a task added to the model cannot miss it.
 * Implementations run in their {@link org.springframework.core.annotation.Order}, after the authority check.
 */
public interface OnEveryUserTask extends TaskListener {

    /** The task events ({@code create}, {@code assignment}, {@code complete}, {@code delete}) it listens to. */
    Set<String> events();
}
