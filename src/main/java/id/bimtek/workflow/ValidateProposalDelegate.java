package id.bimtek.workflow;

import id.bimtek.proposal.Program;
import id.bimtek.proposal.ProgramRepository;
import id.bimtek.proposal.ProposalValidator;
import id.bimtek.proposal.ProcessVariables;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** validateProposal: checks the business rules and sets the routing value for review. */
@Component
public class ValidateProposalDelegate implements JavaDelegate {

    private final ProcessPrograms processPrograms;
    private final ProgramRepository programs;
    private final ProposalValidator validator;
    private final DecisionLog decisions;

    public ValidateProposalDelegate(ProgramRepository programs, ProposalValidator validator, DecisionLog decisions, ProcessPrograms processPrograms) {
        this.processPrograms = processPrograms;
        this.programs = programs;
        this.validator = validator;
        this.decisions = decisions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Program program = programs.findById(processPrograms.idOf(execution)).orElseThrow();
        List<String> problems = validator.problemsOf(program);
        execution.setVariable(ProcessVariables.PROPOSAL_VALID, problems.isEmpty());
        execution.setVariable(ProcessVariables.VALIDATION_PROBLEMS, String.join("\n", problems));
        if (!problems.isEmpty()) {
            decisions.recordBySystem(program.getId(), "validateProposal", "Validasi usulan", "INVALID",
                    String.join("\n", problems));
        }
    }
}
