package id.bimtek.workflow;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** On every task's {@code complete}, before anything else: the task's {@link TaskCompletion} may refuse, whoever completes it. */
@Component
@Order(0)
class TaskCompletionCheck implements OnEveryUserTask {

    private final TaskCompletions completions;
    private final ProcessPrograms processPrograms;

    TaskCompletionCheck(TaskCompletions completions, ProcessPrograms processPrograms) {
        this.completions = completions;
        this.processPrograms = processPrograms;
    }

    @Override
    public Set<String> events() {
        return Set.of(EVENTNAME_COMPLETE);
    }

    @Override
    public void notify(DelegateTask task) {
        completions.forTask(task.getTaskDefinitionKey()).ifPresent(completion -> completion.checkCompletable(
                new TaskCompletion.OpenTask(task.getId(), task.getTaskDefinitionKey(), processPrograms.idOf(task))));
    }
}
