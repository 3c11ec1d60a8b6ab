package id.bimtek.workflow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.stereotype.Component;

/** What the engine's history holds of a programme's process: the steps it went through and the tasks, with their people. */
@Component
public class ProcessHistory {

    /** {@code kind} is {@code ACTIVITY} (then {@code detail} is the BPMN type) or {@code TASK} (then it is the delete reason). */
    public record Step(String kind, Instant startedAt, Instant endedAt, String name, String key, String assignee, String detail) {
    }

    private final HistoryService history;

    ProcessHistory(HistoryService history) {
        this.history = history;
    }

    public List<Step> of(String processInstanceId) {
        List<Step> steps = new ArrayList<>();
        for (HistoricActivityInstance activity : history.createHistoricActivityInstanceQuery()
                .processInstanceId(processInstanceId).list()) {
            if (activity.getActivityType().equals("userTask") || activity.getActivityType().startsWith("multiInstance")) {
                continue; // user tasks are listed from the task history, with their people
            }
            steps.add(new Step("ACTIVITY", activity.getStartTime().toInstant(), instant(activity.getEndTime()),
                    activity.getActivityName() != null ? activity.getActivityName() : activity.getActivityId(),
                    activity.getActivityId(), null, activity.getActivityType()));
        }
        for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId).list()) {
            steps.add(new Step("TASK", task.getStartTime().toInstant(), instant(task.getEndTime()), task.getName(),
                    task.getTaskDefinitionKey(), task.getAssignee(), task.getDeleteReason()));
        }
        return steps;
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
