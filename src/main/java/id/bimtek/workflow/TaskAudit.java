package id.bimtek.workflow;

import id.bimtek.audit.AuditTrail;
import id.bimtek.shared.ActingUser;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On every user task ({@link OnEveryUserTask}): who it was offered to and when it was due, who claimed it,
 * who completed it, or why it was withdrawn (a cancelled programme) — in the audit trail, in the
 * transaction of the event itself, wherever the user acted (Tasklist, the API).
 */
@Component
@Order(3)
public class TaskAudit implements OnEveryUserTask {

    @Override
    public java.util.Set<String> events() {
        return java.util.Set.of(EVENTNAME_CREATE, EVENTNAME_ASSIGNMENT, EVENTNAME_COMPLETE, EVENTNAME_DELETE);
    }

    private final ProcessPrograms processPrograms;
    private final AuditTrail audit;

    public TaskAudit(AuditTrail audit, ProcessPrograms processPrograms) {
        this.processPrograms = processPrograms;
        this.audit = audit;
    }

    @Override
    public void notify(DelegateTask task) {
        String actor = ActingUser.of(task.getExecution());
        if (ActingUser.SYSTEM.equals(actor) && task.getAssignee() != null
                && (EVENTNAME_COMPLETE.equals(task.getEventName()) || EVENTNAME_ASSIGNMENT.equals(task.getEventName()))) {
            // completed or claimed through an engine API without a logged-in user: the holder acted
            actor = task.getAssignee();
        }
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("taskId", task.getId());
        value.put("taskKey", task.getTaskDefinitionKey());
        String kind;
        String detail;
        // "offered to" and "held by" stay in the form every record has had: the auditors' timeline puts them into
        // words (the roles' names, the holder) when it shows them, the old records and the new alike
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> {
                kind = "TASK_CREATED";
                value.put("candidateGroups", TaskDeadlines.candidateGroups(task));
                value.put("due", String.valueOf(task.getDueDate() == null ? null : task.getDueDate().toInstant()));
                detail = "offered to " + String.join(", ", TaskDeadlines.candidateGroups(task));
            }
            case EVENTNAME_ASSIGNMENT -> {
                kind = "TASK_ASSIGNED";
                value.put("assignee", String.valueOf(task.getAssignee()));
                detail = task.getAssignee() == null ? "released" : "held by " + task.getAssignee();
            }
            case EVENTNAME_COMPLETE -> {
                kind = "TASK_COMPLETED";
                value.put("assignee", String.valueOf(task.getAssignee()));
                detail = "diselesaikan";
            }
            case EVENTNAME_DELETE -> {
                kind = "TASK_WITHDRAWN";
                detail = "ditarik: proses meninggalkan tugas ini (misalnya program dibatalkan)";
            }
            default -> {
                return;
            }
        }
        audit.append(processPrograms.idOf(task), DecisionLog.stageOf(task.getTaskDefinitionKey()).entry(kind, actor)
                .on(task.getName())
                .saying(detail)
                .changing(null, value));
    }
}
