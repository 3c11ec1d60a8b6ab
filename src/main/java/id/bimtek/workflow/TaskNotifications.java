package id.bimtek.workflow;

import id.bimtek.notification.Notifications;
import id.bimtek.proposal.Program;
import id.bimtek.proposal.ProgramRepository;
import id.bimtek.shared.ActingUser;
import java.util.Collection;
import org.camunda.bpm.engine.delegate.DelegateTask;
import java.util.Set;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On every user task ({@link OnEveryUserTask}): tells people about their work through the outbox, in the task's own
 * transaction. On creation the candidate groups hear of a new task; on assignment by someone else, the
 * new holder does. Reminders and escalations use {@link #remind} and {@link #escalated}.
 */
@Component
@Order(2)
public class TaskNotifications implements OnEveryUserTask {

    @Override
    public Set<String> events() {
        return Set.of(EVENTNAME_CREATE, EVENTNAME_ASSIGNMENT);
    }

    private final ProcessPrograms processPrograms;
    private final Notifications notifications;
    private final ProgramRepository programs;

    public TaskNotifications(Notifications notifications, ProcessPrograms processPrograms, ProgramRepository programs) {
        this.processPrograms = processPrograms;
        this.notifications = notifications;
        this.programs = programs;
    }

    @Override
    public void notify(DelegateTask task) {
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            for (String group : TaskDeadlines.candidateGroups(task)) {
                notifications.toGroup(group, Notifications.TASK_ASSIGNED, programId(task), "Tugas baru: " + subject(task),
                        body(task, "Ada tugas baru untuk kelompok " + group + "."));
            }
        } else if (EVENTNAME_ASSIGNMENT.equals(task.getEventName()) && task.getAssignee() != null
                && !task.getAssignee().equals(ActingUser.of(task.getExecution()))) {
            notifications.toUser(task.getAssignee(), Notifications.TASK_ASSIGNED, programId(task),
                    "Tugas untuk Anda: " + subject(task), body(task, "Tugas ini diserahkan kepada Anda."));
        }
    }

    void remind(DelegateTask task) {
        String subject = "Pengingat: " + subject(task) + " melewati batas waktu";
        String body = body(task, "Tugas ini sudah melewati batas waktunya dan belum diselesaikan.");
        if (task.getAssignee() != null) {
            notifications.toUser(task.getAssignee(), Notifications.REMINDER, programId(task), subject, body);
        } else {
            TaskDeadlines.candidateGroups(task).forEach(group ->
                    notifications.toGroup(group, Notifications.REMINDER, programId(task), subject, body));
        }
    }

    void escalated(DelegateTask task, Collection<String> toGroups) {
        for (String group : toGroups) {
            notifications.toGroup(group, Notifications.ESCALATION, programId(task), "Eskalasi: " + subject(task),
                    body(task, "Tugas ini melewati batas eskalasi; kelompok " + group + " kini dapat menyelesaikannya."));
        }
    }

    private Long programId(DelegateTask task) {
        return processPrograms.idOf(task);
    }

    /** The task and the programme's code (the process's business key). */
    private static String subject(DelegateTask task) {
        return task.getName() + " — " + task.getExecution().getProcessBusinessKey();
    }

    private String body(DelegateTask task, String what) {
        return what + "\n\nTugas: " + task.getName()
                + "\nProgram: " + task.getExecution().getProcessBusinessKey() + " "
                + programs.findById(programId(task)).map(Program::getTitle).orElse("")
                + (task.getDueDate() == null ? "" : "\nBatas waktu: " + task.getDueDate())
                + "\n\nBuka Camunda Tasklist untuk menyelesaikannya.";
    }
}
