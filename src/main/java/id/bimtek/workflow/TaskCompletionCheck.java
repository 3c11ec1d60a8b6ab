package id.bimtek.workflow;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** On every task's {@code complete}, before anything else: the task's {@link TaskCompletion} may refuse, whoever completes it. */
@Component
@Order(0)
class TaskCompletionCheck implements OnEveryUserTask {

    private final Map<String, TaskCompletion<?>> completions = new HashMap<>();
    private final ProcessPrograms processPrograms;

    TaskCompletionCheck(List<TaskCompletion<?>> completions, ProcessPrograms processPrograms) {
        completions.forEach(completion -> completion.taskKeys().forEach(key -> this.completions.put(key, completion)));
        this.processPrograms = processPrograms;
    }

    @Override
    public Set<String> events() {
        return Set.of(EVENTNAME_COMPLETE);
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
