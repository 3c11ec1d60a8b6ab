package id.bimtek.workflow;

import static id.bimtek.proposal.ProcessVariables.CANCELLATION_REASON;
import static id.bimtek.proposal.ProcessVariables.CANCELLED_BY;
import static id.bimtek.proposal.ProcessVariables.REGISTRATION_DEADLINE;

import id.bimtek.delegation.Delegations;
import id.bimtek.notification.Notifications;
import id.bimtek.proposal.ProgramRepository;
import id.bimtek.shared.ActingUser;
import id.bimtek.shared.CurrentUser;
import id.bimtek.shared.ProblemException;
import id.bimtek.shared.Wib;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The approval tasks of heads: a decision out of a fixed set, and a comment that is required whenever
 * the decision sends work back or stops it. The rules run as the tasks' listener, so they hold the same
 * whether the head decides in Camunda Tasklist or through the project's API; the decision reaches the
 * process as a routing variable and the decision log, with the person who took it.
 */
@Component
public class DecisionTasks implements TaskCompletion<DecisionTasks.DecisionCommand>, TaskListener {

    public static final String DECISION = "decision";
    public static final String COMMENT = "comment";
    public static final String NEW_DEADLINE = "newDeadline";

    private record DecisionTask(String variable, List<String> decisions) {
    }

    /** A head's decision as the API takes it; which decisions and when a comment is required, the listener judges. */
    public record DecisionCommand(@Size(max = 32, message = "decision must be at most 32 characters") String decision,
                                  @Size(max = 2000, message = "comment must be at most 2000 characters") String comment,
                                  @Size(max = 64, message = "newDeadline must be at most 64 characters") String newDeadline) {
    }

    private static final Set<String> COMMENT_REQUIRED = Set.of("REVISE", "REJECT", "CANCEL");
    private static final ZoneId JAKARTA = Wib.ZONE;

    private static final Map<String, DecisionTask> TASKS = Map.of(
            "reviewProposal", new DecisionTask("reviewDecision", List.of("APPROVE", "REVISE", "REJECT")),
            "approveBudget", new DecisionTask("budgetDecision", List.of("APPROVE", "REVISE", "REJECT")),
            "secondBudgetApproval", new DecisionTask("budgetDecision", List.of("APPROVE", "REVISE", "REJECT")),
            "decideUndersubscription", new DecisionTask("undersubscriptionDecision", List.of("EXTEND", "CANCEL")),
            "approveClosingReport", new DecisionTask("closingDecision", List.of("APPROVE", "REVISE")));

    private final ProcessPrograms processPrograms;
    private final DecisionLog log;
    private final Delegations delegations;
    private final ProgramRepository programs;
    private final Notifications notifications;
    private final java.util.function.LongFunction<LocalDate> firstBatchStart;

    private final id.bimtek.shared.Words words;
    private final id.bimtek.shared.StaffPage people;

    public DecisionTasks(DecisionLog log, Delegations delegations, ProgramRepository programs, Notifications notifications,
                         org.springframework.jdbc.core.JdbcTemplate jdbc, ProcessPrograms processPrograms,
                         id.bimtek.shared.Words words, id.bimtek.shared.StaffPage people) {
        this.words = words;
        this.people = people;
        this.processPrograms = processPrograms;
        this.log = log;
        this.delegations = delegations;
        this.programs = programs;
        this.notifications = notifications;
        this.firstBatchStart = programId -> jdbc.queryForObject("select min(start_date) from batch where program_id = ?",
                LocalDate.class, programId);
    }

    @Override
    public Set<String> taskKeys() {
        return TASKS.keySet();
    }

    @Override
    public Class<DecisionCommand> commandType() {
        return DecisionCommand.class;
    }

    /** Through the API: the command becomes the task's variables; the listener below judges them. */
    @Override
    public Map<String, Object> complete(OpenTask task, DecisionCommand command, CurrentUser user) {
        if (command.newDeadline() != null && !"decideUndersubscription".equals(task.key())) {
            throw ProblemException.invalid(NEW_DEADLINE, "unknown field 'newDeadline'; this task takes [decision, comment]");
        }
        // transient: the listener reads them while the task completes, the decision log keeps them, and nothing
        // writes them to the process's variables and their history only to remove them again
        Map<String, Object> variables = new HashMap<>();
        variables.put(DECISION, Variables.stringValue(FormFields.trimmed(command.decision()), true));
        variables.put(COMMENT, Variables.stringValue(FormFields.trimmed(command.comment()), true));
        variables.put(NEW_DEADLINE, Variables.stringValue(FormFields.trimmed(command.newDeadline()), true));
        return variables;
    }

    @Override
    public void notify(DelegateTask task) {
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            // a decision of an earlier round (a revise loop) must not be taken for this one
            task.getExecution().removeVariables(List.of(DECISION, COMMENT, NEW_DEADLINE));
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            decide(task);
        }
    }

    private void decide(DelegateTask task) {
        String key = task.getTaskDefinitionKey();
        DecisionTask spec = TASKS.get(key);
        String decision = text(task, DECISION);
        if (decision == null || !spec.decisions().contains(decision)) {
            throw ProblemException.invalid(DECISION, "decision must be one of " + spec.decisions())
                    .because("DECISION_NOT_OFFERED", spec.decisions().stream().map(words::decision)
                            .collect(java.util.stream.Collectors.joining(", ")));
        }
        String comment = text(task, COMMENT);
        if (comment != null && comment.length() > 2000) {
            throw ProblemException.invalid(COMMENT, "comment must be at most 2000 characters").because("COMMENT_TOO_LONG");
        }
        if (comment == null && COMMENT_REQUIRED.contains(decision)) {
            throw ProblemException.invalid(COMMENT, "a comment is required to " + decision)
                    .because("COMMENT_REQUIRED", words.decision(decision));
        }
        Delegations.Acting acting = actingOn(task);
        String actor = acting.actor();
        Map<String, Object> routing = new HashMap<>();
        routing.put(spec.variable(), decision);
        switch (key) {
            case "secondBudgetApproval" -> {
                Decision first = firstBudgetApproval(processPrograms.idOf(task));
                Set<String> firstPeople = new java.util.HashSet<>(java.util.Arrays.asList(first.getActor(), first.getOnBehalfOf()));
                if (firstPeople.contains(actor) || firstPeople.contains(acting.authority())) {
                    String firstApprover = first.getOnBehalfOf() != null ? first.getOnBehalfOf() : first.getActor();
                    throw ProblemException.forbidden("the second budget approval must come from another department head than "
                            + firstApprover).because("SECOND_APPROVAL_BY_ANOTHER", people.nameOf(firstApprover));
                }
            }
            case "decideUndersubscription" -> routing.putAll(undersubscription(decision, task, comment, actor));
            default -> {
            }
        }
        log.record(processPrograms.idOf(task), key, task.getName(), task.getId(), decision, comment, actor,
                acting.onBehalfOf());
        tellProposer(task, decision, comment, acting);
        task.getExecution().setVariables(routing);
        task.getExecution().removeVariables(List.of(DECISION, COMMENT, NEW_DEADLINE));
    }

    /**
     * The approval that led to this second one: the latest APPROVE of the first budget approval in the
     * decision log (a REVISE round starts the pair again), never a variable someone could have rewritten.
     */
    private Decision firstBudgetApproval(long programId) {
        List<Decision> decisions = log.of(programId);
        for (int i = decisions.size() - 1; i >= 0; i--) {
            Decision decision = decisions.get(i);
            if ("approveBudget".equals(decision.getTaskKey())) {
                if ("APPROVE".equals(decision.getDecision())) {
                    return decision;
                }
                break;
            }
        }
        throw new IllegalStateException("a second budget approval without an approved first one on programme " + programId);
    }

    /** The staff member who proposed the programme hears of every decision on it. */
    private void tellProposer(DelegateTask task, String decision, String comment, Delegations.Acting acting) {
        programs.findById(processPrograms.idOf(task)).ifPresent(program -> notifications.toUser(
                program.getCreatedBy(), Notifications.DECISION, program.getId(),
                task.getName() + ": " + words.decision(decision) + " — " + program.getCode(),
                "Program: " + program.getCode() + " " + program.getTitle() + "\nTugas: " + task.getName()
                        + "\nKeputusan: " + words.decision(decision) + " oleh " + people.nameOf(acting.actor())
                        + (acting.onBehalfOf() == null ? "" : " atas nama " + people.nameOf(acting.onBehalfOf()))
                        + (comment == null ? "" : "\nCatatan: " + comment)));
    }

    /**
     * The logged-in user who completes the task (Tasklist and the API both authenticate them). They must
     * hold the task, or be offered it through their group, in their own right or as a head's deputy:
     * nobody decides under a colleague's name.
     */
    private Delegations.Acting actingOn(DelegateTask task) {
        String authenticated = ActingUser.of(task.getExecution());
        if (DecisionLog.SYSTEM.equals(authenticated)) {
            if (task.getAssignee() == null) {
                throw ProblemException.forbidden("a decision needs the person who takes it: claim the task first")
                        .because("CLAIM_FIRST");
            }
            authenticated = task.getAssignee();
        }
        String user = authenticated;
        return delegations.actingOn(user, task.getAssignee(), TaskDeadlines.candidateGroups(task))
                .orElseThrow(() -> TaskAuthority.notTheirs(user, task.getAssignee(), task.getName(), people));
    }

    private Map<String, Object> undersubscription(String decision, DelegateTask task, String comment, String actor) {
        if ("CANCEL".equals(decision)) {
            return Map.of(CANCELLATION_REASON, comment, CANCELLED_BY, actor);
        }
        Instant newDeadline = deadline(task.getVariable(NEW_DEADLINE));
        if (newDeadline == null) {
            throw ProblemException.invalid(NEW_DEADLINE, "a new registration deadline is required to EXTEND")
                    .because("NEW_DEADLINE_REQUIRED");
        }
        if (!newDeadline.isAfter(Wib.now())) {
            throw ProblemException.invalid(NEW_DEADLINE, "the new registration deadline must be in the future")
                    .because("NEW_DEADLINE_PAST");
        }
        LocalDate firstDay = firstBatchStart.apply(processPrograms.idOf(task));
        if (firstDay != null && !newDeadline.atZone(JAKARTA).toLocalDate().isBefore(firstDay)) {
            throw ProblemException.invalid(NEW_DEADLINE, "the new registration deadline must be before the first batch starts ("
                    + firstDay + ")").because("NEW_DEADLINE_AFTER_START", words.day(firstDay));
        }
        return Map.of(REGISTRATION_DEADLINE, newDeadline.truncatedTo(ChronoUnit.SECONDS).toString());
    }

    /** With an offset from the API; Tasklist's date-time field sends local Jakarta time without one. */
    private static Instant deadline(Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        String text = value.toString().trim();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text).atZone(JAKARTA).toInstant();
            } catch (DateTimeParseException e) {
                throw ProblemException.invalid(NEW_DEADLINE,
                        "newDeadline must be a date-time such as 2025-09-01T17:00:00+07:00").because("NEW_DEADLINE_FORMAT");
            }
        }
    }

    private static String text(DelegateTask task, String name) {
        Object value = task.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString().trim();
    }
}
