package id.bimtek.proposal;

import id.bimtek.budget.BudgetLineRepository;
import id.bimtek.workflow.DecisionLog;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** validateProposal: checks the business rules and sets the routing values for review and budget approval. */
@Component
public class ValidateProposalDelegate implements JavaDelegate {

    private final ProgramRepository programs;
    private final BudgetLineRepository budgetLines;
    private final ProposalValidator validator;
    private final DecisionLog decisions;

    public ValidateProposalDelegate(ProgramRepository programs, BudgetLineRepository budgetLines,
                                    ProposalValidator validator, DecisionLog decisions) {
        this.programs = programs;
        this.budgetLines = budgetLines;
        this.validator = validator;
        this.decisions = decisions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Program program = programs.findById((Long) execution.getVariable(ProcessVariables.PROGRAM_ID)).orElseThrow();
        List<String> problems = validator.problemsOf(program);
        execution.setVariable(ProcessVariables.PROPOSAL_VALID, problems.isEmpty());
        execution.setVariable(ProcessVariables.VALIDATION_PROBLEMS, String.join("\n", problems));
        // the DMN of the budget approval chain decides on these two
        // whole rupiah, rounded up, so a threshold is never missed by the cents
        execution.setVariable(ProcessVariables.TOTAL_AMOUNT,
                program.requestedTotal().setScale(0, java.math.RoundingMode.CEILING).longValueExact());
        execution.setVariable(ProcessVariables.FUNDING_SOURCE,
                budgetLines.findById(program.getBudgetLineId()).orElseThrow().getSource().name());
        if (!problems.isEmpty()) {
            decisions.recordBySystem(program.getId(), "validateProposal", "Validasi usulan", "INVALID",
                    String.join("\n", problems));
        }
    }
}
