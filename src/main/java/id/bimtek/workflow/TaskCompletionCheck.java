package id.bimtek.workflow;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** {@code ${taskCompletionCheck}} on {@code complete}: the task's {@link TaskCompletion} may refuse, whoever completes it. */
@Component("taskCompletionCheck")
class TaskCompletionCheck implements TaskListener {

    private final Map<String, TaskCompletion<?>> completions = new HashMap<>();
    private final ProcessPrograms processPrograms;

    TaskCompletionCheck(List<TaskCompletion<?>> completions, ProcessPrograms processPrograms) {
        completions.forEach(completion -> completion.taskKeys().forEach(key -> this.completions.put(key, completion)));
        this.processPrograms = processPrograms;
    }

    @Override
    public void notify(DelegateTask task) {
        TaskCompletion<?> completion = completions.get(task.getTaskDefinitionKey());
        if (completion != null) {
            completion.checkCompletable(new TaskCompletion.OpenTask(task.getId(), task.getTaskDefinitionKey(),
                    processPrograms.idOf(task)));
        }
    }
}
