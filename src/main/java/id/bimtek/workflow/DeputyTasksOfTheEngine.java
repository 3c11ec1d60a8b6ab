package id.bimtek.workflow;

import id.bimtek.delegation.DeputyTasks;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

@Component
class DeputyTasksOfTheEngine implements DeputyTasks {

    private final TaskService tasks;

    DeputyTasksOfTheEngine(TaskService tasks) {
        this.tasks = tasks;
    }

    @Override
    public void offer(String principal, List<String> headGroups, String deputy) {
        List<Task> open = new ArrayList<>(tasks.createTaskQuery().taskCandidateGroupIn(headGroups).list());
        open.addAll(tasks.createTaskQuery().taskAssignee(principal).list());
        open.forEach(task -> tasks.addCandidateUser(task.getId(), deputy));
    }

    @Override
    public void withdraw(String deputy) {
        tasks.createTaskQuery().taskCandidateUser(deputy).list()
                .forEach(task -> tasks.deleteCandidateUser(task.getId(), deputy));
    }
}
