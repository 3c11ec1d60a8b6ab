package id.bimtek.budget;

import id.bimtek.proposal.ProcessPrograms;
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
    private final BudgetLineRepository lines;

    ApprovalChainInputs(ProcessPrograms processPrograms, ProgramRepository programs, BudgetLineRepository lines) {
        this.processPrograms = processPrograms;
        this.programs = programs;
        this.lines = lines;
    }

    /** Whole rupiah, rounded up, so a threshold is never missed by the cents. */
    public long totalAmount(DelegateExecution execution) {
        return program(execution).requestedTotal().setScale(0, RoundingMode.CEILING).longValueExact();
    }

    public String fundingSource(DelegateExecution execution) {
        return lines.findById(program(execution).getBudgetLineId()).orElseThrow().getSource().name();
    }

    private Program program(DelegateExecution execution) {
        return programs.findById(processPrograms.idOf(execution)).orElseThrow();
    }
}
