package id.bimtek.workflow;

import id.bimtek.budget.BudgetService;
import static id.bimtek.proposal.ProcessVariables.BUDGET_COMMITTED;

import id.bimtek.proposal.Program;
import id.bimtek.proposal.ProgramRepository;
import id.bimtek.shared.ActingUser;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** commitBudget: commits the approved total on the line, or tells staff why the line cannot carry it. */
@Component
public class CommitBudgetDelegate implements JavaDelegate {

    private static final java.util.Set<String> BUDGET_APPROVALS = java.util.Set.of("approveBudget", "secondBudgetApproval");

    private final ProcessPrograms processPrograms;
    private final ProgramRepository programs;
    private final BudgetService budget;
    private final DecisionLog decisions;

    public CommitBudgetDelegate(ProgramRepository programs, BudgetService budget, DecisionLog decisions, ProcessPrograms processPrograms) {
        this.processPrograms = processPrograms;
        this.programs = programs;
        this.budget = budget;
        this.decisions = decisions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Program program = programs.findById(processPrograms.idOf(execution)).orElseThrow();
        BigDecimal total = program.requestedTotal();
        // the step runs after the approval, in a job of its own: the approver is the decision log's, not the job's user
        String approver = decisions.of(program.getId()).stream()
                .filter(decision -> BUDGET_APPROVALS.contains(decision.getTaskKey()))
                .filter(decision -> "APPROVE".equals(decision.getDecision()))
                .reduce((first, last) -> last).map(decision -> decision.getActor()).orElse(ActingUser.of(execution));
        boolean committed = budget.commit(program.getBudgetLineId(), program.getId(), total, approver);
        if (committed) {
            program.committed(total);
        } else {
            decisions.recordBySystem(program.getId(), "commitBudget", "Komitmen anggaran", "INSUFFICIENT_CEILING",
                    "The budget line has only " + budget.remaining(program.getBudgetLineId()).toPlainString()
                            + " left, less than the requested " + total.toPlainString()
                            + ". Reduce the budget or choose another line.");
        }
        execution.setVariable(BUDGET_COMMITTED, committed);
    }
}
