package id.bimtek.workflow;

import id.bimtek.shared.Wib;
import id.bimtek.shared.WorkingDays;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLinkType;
import id.bimtek.delivery.DeliveryBatches;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * Due dates of user tasks, and what happens when a task is still open at them. The BPMN gives each
 * task {@code camunda:dueDate="${taskDeadlines.dueDate('key')}"} and two timeout task listeners: a
 * reminder at the due date and an escalation at the later limit. They are the engine's timers and
 * leave the task where it is: nobody's work is lost.
 */
@Component("taskDeadlines")
public class TaskDeadlines {

    private static final ZoneId JAKARTA = Wib.ZONE;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm");

    private final ProcessPrograms processPrograms;
    private final DeadlineProperties properties;
    private final DecisionLog log;
    private final TaskNotifications notifications;
    private final DeliveryBatches deliveryBatches;

    public TaskDeadlines(DeadlineProperties properties, DecisionLog log, TaskNotifications notifications, ProcessPrograms processPrograms,
                         DeliveryBatches deliveryBatches) {
        this.deliveryBatches = deliveryBatches;
        this.processPrograms = processPrograms;
        this.properties = properties;
        this.log = log;
        this.notifications = notifications;
    }

    public Date dueDate(String taskKey) {
        return Date.from(WorkingDays.add(now(), properties.dueDays(taskKey)).toInstant());
    }

    public Date escalationDate(String taskKey) {
        return Date.from(WorkingDays.add(now(), properties.escalationDays(taskKey)).toInstant());
    }

    /**
     * Due after the batch has been held: attendance is recorded from each session's day on, so the days to
     * record it count from the evening of the batch's last session (or from now, if that has passed).
     */
    public Date dueDateAfterBatch(String taskKey, Long batchId) {
        return Date.from(WorkingDays.add(afterBatch(batchId), properties.dueDays(taskKey)).toInstant());
    }

    public Date escalationDateAfterBatch(String taskKey, Long batchId) {
        return Date.from(WorkingDays.add(afterBatch(batchId), properties.escalationDays(taskKey)).toInstant());
    }

    private ZonedDateTime afterBatch(Long batchId) {
        ZonedDateTime held = deliveryBatches.lastSessionDay(batchId).atTime(17, 0).atZone(JAKARTA);
        ZonedDateTime now = now();
        return held.isAfter(now) ? held : now;
    }

    /** By the engine's clock, which the timers of these dates read. */
    private static ZonedDateTime now() {
        return Wib.now().atZone(JAKARTA);
    }

    /** {@code ${taskReminder}}: the task is due; its holder or candidates are reminded. */
    @Bean
    TaskListener taskReminder() {
        return task -> {
            String waitingOn = task.getAssignee() != null ? task.getAssignee() : String.join(", ", candidateGroups(task));
            log.recordBySystem(processPrograms.idOf(task), task.getTaskDefinitionKey(), task.getName(), "REMINDER",
                    "'" + task.getName() + "' is due" + (task.getDueDate() == null ? "" : " since "
                            + WHEN.format(task.getDueDate().toInstant().atZone(JAKARTA)) + " WIB")
                            + "; waiting on " + waitingOn);
            notifications.remind(task);
        };
    }

    /** {@code ${taskEscalation}}: still open at the escalation limit, the next level becomes a candidate too. */
    @Bean
    TaskListener taskEscalation() {
        return task -> {
            Set<String> added = new LinkedHashSet<>();
            for (String group : candidateGroups(task)) {
                String next = properties.escalateTo().get(group);
                if (next != null) {
                    task.addCandidateGroup(next);
                    added.add(next);
                }
            }
            log.recordBySystem(processPrograms.idOf(task), task.getTaskDefinitionKey(), task.getName(), "ESCALATED",
                    "'" + task.getName() + "' is overdue; escalated to " + (added.isEmpty() ? "nobody" : String.join(", ", added)));
            notifications.escalated(task, added);
        };
    }

    public static Set<String> candidateGroups(DelegateTask task) {
        return candidateGroups(task.getCandidates());
    }

    /** The groups a task is offered to, from its identity links (a running task's, or a listener's). */
    public static Set<String> candidateGroups(java.util.Collection<? extends org.camunda.bpm.engine.task.IdentityLink> links) {
        Set<String> groups = new LinkedHashSet<>();
        links.stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .forEach(link -> groups.add(link.getGroupId()));
        return groups;
    }
}
