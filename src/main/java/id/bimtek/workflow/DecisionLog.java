package id.bimtek.workflow;

import id.bimtek.shared.ActingUser;
import id.bimtek.audit.AuditTrail;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records every decision on a programme, in the transaction of the step that takes it. */
@Service
public class DecisionLog {

    public static final String SYSTEM = ActingUser.SYSTEM;

    private final DecisionRepository decisions;
    private final AuditTrail audit;

    DecisionLog(DecisionRepository decisions, AuditTrail audit) {
        this.decisions = decisions;
        this.audit = audit;
    }

    @Transactional
    public Decision record(Long programId, String taskKey, String taskName, String taskId,
                           String decision, String comment, String actor) {
        return record(programId, taskKey, taskName, taskId, decision, comment, actor, null);
    }

    @Transactional
    public Decision record(Long programId, String taskKey, String taskName, String taskId,
                           String decision, String comment, String actor, String onBehalfOf) {
        // the decision's code first, as ever: ProposalChanges reads it back, the auditors' timeline words it
        audit.append(programId, stageOf(taskKey).entry("DECISION", actor)
                .asDeputyOf(onBehalfOf)
                .on(taskName)
                .saying(decision + (comment == null ? "" : ": " + comment))
                .changing(null,
                        java.util.Map.of("task", taskKey, "decision", decision, "comment", comment == null ? "" : comment)));
        return decisions.save(new Decision(programId, taskKey, taskName, taskId, decision, comment, actor, onBehalfOf));
    }

    /** The lifecycle stage a task or step belongs to, for the auditors' filters. */
    public static AuditTrail.Stage stageOf(String taskKey) {
        return switch (taskKey) {
            case "validateProposal", "reviseProposal" -> AuditTrail.Stage.PROPOSAL;
            case "reviewProposal" -> AuditTrail.Stage.REVIEW;
            case "approveBudget", "secondBudgetApproval", "commitBudget" -> AuditTrail.Stage.BUDGET;
            case "decideUndersubscription", "confirmParticipants", "changeRegistrationDeadline" -> AuditTrail.Stage.REGISTRATION;
            case "recordAttendance" -> AuditTrail.Stage.DELIVERY;
            case "fileClosingReport", "approveClosingReport" -> AuditTrail.Stage.CLOSING;
            case "recordOutcomes" -> AuditTrail.Stage.FOLLOW_UP;
            case "cancelProgram" -> AuditTrail.Stage.CANCELLATION;
            default -> AuditTrail.Stage.PROCESS;
        };
    }

    @Transactional
    public Decision recordBySystem(Long programId, String stepKey, String stepName, String decision, String comment) {
        return record(programId, stepKey, stepName, null, decision, comment, SYSTEM);
    }

    @Transactional(readOnly = true)
    public List<Decision> of(Long programId) {
        return decisions.findByProgramIdOrderByIdAsc(programId);
    }
}
