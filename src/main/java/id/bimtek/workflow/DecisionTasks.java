package id.bimtek.workflow;

import static id.bimtek.proposal.ProcessVariables.CANCELLATION_REASON;
import static id.bimtek.proposal.ProcessVariables.CANCELLED_BY;
import static id.bimtek.proposal.ProcessVariables.FIRST_BUDGET_APPROVER;
import static id.bimtek.proposal.ProcessVariables.REGISTRATION_DEADLINE;

import id.bimtek.shared.CurrentUser;
import id.bimtek.shared.ProblemException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The approval tasks of heads: a decision out of a fixed set, and a comment that is required whenever
 * the decision sends work back or stops it. The decision goes to the process as a routing variable.
 */
@Component
public class DecisionTasks implements TaskCompletion {

    private record DecisionTask(String variable, List<String> decisions) {
    }

    private static final Set<String> COMMENT_REQUIRED = Set.of("REVISE", "REJECT", "CANCEL");

    private static final Map<String, DecisionTask> TASKS = Map.of(
            "reviewProposal", new DecisionTask("reviewDecision", List.of("APPROVE", "REVISE", "REJECT")),
            "approveBudget", new DecisionTask("budgetDecision", List.of("APPROVE", "REVISE", "REJECT")),
            "secondBudgetApproval", new DecisionTask("budgetDecision", List.of("APPROVE", "REVISE", "REJECT")),
            "decideUndersubscription", new DecisionTask("undersubscriptionDecision", List.of("EXTEND", "CANCEL")),
            "approveClosingReport", new DecisionTask("closingDecision", List.of("APPROVE", "REVISE")));

    private final DecisionLog log;
    private final RuntimeService runtime;

    public DecisionTasks(DecisionLog log, RuntimeService runtime) {
        this.log = log;
        this.runtime = runtime;
    }

    @Override
    public Set<String> taskKeys() {
        return TASKS.keySet();
    }

    @Override
    public Map<String, Object> complete(Task task, long programId, Map<String, Object> form, CurrentUser user) {
        String key = task.getTaskDefinitionKey();
        DecisionTask spec = TASKS.get(key);
        FormFields.allowOnly(form, "decideUndersubscription".equals(key)
                ? Set.of("decision", "comment", "newDeadline") : Set.of("decision", "comment"));
        String decision = FormFields.text(form, "decision", 32);
        if (decision == null || !spec.decisions().contains(decision)) {
            throw ProblemException.invalid("decision", "decision must be one of " + spec.decisions());
        }
        String comment = FormFields.text(form, "comment", 2000);
        if (comment == null && COMMENT_REQUIRED.contains(decision)) {
            throw ProblemException.invalid("comment", "a comment is required to " + decision);
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(spec.variable(), decision);
        switch (key) {
            case "approveBudget" -> variables.put(FIRST_BUDGET_APPROVER, user.id());
            case "secondBudgetApproval" -> {
                Object first = runtime.getVariable(task.getExecutionId(), FIRST_BUDGET_APPROVER);
                if (user.id().equals(first)) {
                    throw ProblemException.forbidden("the second budget approval must come from another department head than "
                            + first);
                }
            }
            case "decideUndersubscription" -> variables.putAll(undersubscription(decision, form, comment, user));
            default -> {
            }
        }
        log.record(programId, key, task.getName(), task.getId(), decision, comment, user.id());
        return variables;
    }

    private Map<String, Object> undersubscription(String decision, Map<String, Object> form, String comment, CurrentUser user) {
        if ("CANCEL".equals(decision)) {
            return Map.of(CANCELLATION_REASON, comment, CANCELLED_BY, user.id());
        }
        OffsetDateTime newDeadline = FormFields.dateTime(form, "newDeadline");
        if (newDeadline == null) {
            throw ProblemException.invalid("newDeadline", "a new registration deadline is required to EXTEND");
        }
        if (!newDeadline.toInstant().isAfter(Instant.now())) {
            throw ProblemException.invalid("newDeadline", "the new registration deadline must be in the future");
        }
        return Map.of(REGISTRATION_DEADLINE, newDeadline.toInstant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
    }
}
