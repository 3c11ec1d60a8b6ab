package id.bimtek.workflow;

import id.bimtek.budget.BudgetService;
import id.bimtek.proposal.Program;
import id.bimtek.proposal.ProgramRepository;
import java.math.RoundingMode;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The inputs of the budget approval chain ({@code budget-approval-chain.dmn}), read from the proposal at
 * the moment the chain is decided: whether a second approval is needed never rests on a variable.
 */
@Component("approvalChainInputs")
public class ApprovalChainInputs {

    private final ProcessPrograms processPrograms;
    private final ProgramRepository programs;
    private final BudgetService budget;

    ApprovalChainInputs(ProcessPrograms processPrograms, ProgramRepository programs, BudgetService budget) {
        this.processPrograms = processPrograms;
        this.programs = programs;
        this.budget = budget;
    }

    /** Whole rupiah, rounded up, so a threshold is never missed by the cents. */
    public long totalAmount(DelegateExecution execution) {
        return program(execution).requestedTotal().setScale(0, RoundingMode.CEILING).longValueExact();
    }

    public String fundingSource(DelegateExecution execution) {
        return budget.line(program(execution).getBudgetLineId()).getSource().name();
    }

    private Program program(DelegateExecution execution) {
        return programs.findById(processPrograms.idOf(execution)).orElseThrow();
    }
}
