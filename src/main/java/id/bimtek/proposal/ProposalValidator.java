package id.bimtek.proposal;

import id.bimtek.shared.Wib;
import id.bimtek.budget.BudgetService;
import id.bimtek.shared.IsoDurations;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The business rules a submitted proposal must meet before a division head sees it. Run by the
 * process (validateProposal); what fails goes back to staff as a revision task, in plain words.
 */
@Component
public class ProposalValidator {

    static final ZoneId JAKARTA = Wib.ZONE;

    private final BudgetService budget;

    public ProposalValidator(BudgetService budget) {
        this.budget = budget;
    }

    public List<String> problemsOf(Program program) {
        List<String> problems = new ArrayList<>();
        if (!program.getRegistrationDeadline().isAfter(Instant.now())) {
            problems.add("registrationDeadline: the registration deadline has already passed");
        }
        LocalDate deadlineDay = program.getRegistrationDeadline().atZone(JAKARTA).toLocalDate();
        int fiscalYear = budget.line(program.getBudgetLineId()).getFiscalYear();
        for (Batch batch : program.getBatches()) {
            for (String track : batch.getTracks()) {
                if (!program.getTracks().contains(track)) {
                    problems.add("batches: batch '" + batch.getName() + "' is in track " + track
                            + ", which is not one of the programme's tracks " + program.getTracks());
                }
            }
            // money of one fiscal year pays for sessions of that year, unless the proposal says why not
            if ((batch.getStartDate().getYear() != fiscalYear || batch.getEndDate().getYear() != fiscalYear)
                    && program.getFiscalYearReason() == null) {
                problems.add("fiscalYearReason: batch '" + batch.getName() + "' runs " + batch.getStartDate() + " to "
                        + batch.getEndDate() + ", outside the budget line's fiscal year " + fiscalYear
                        + "; move it into " + fiscalYear + " or say why it cannot be");
            }
            if (!batch.getStartDate().isAfter(deadlineDay)) {
                problems.add("batches: batch '" + batch.getName() + "' starts on " + batch.getStartDate()
                        + ", not after the registration deadline");
            }
        }
        for (String round : program.getFollowUpRounds()) {
            if (!IsoDurations.isValid(round)) {
                problems.add("followUpRounds: '" + round + "' is not a positive ISO-8601 duration such as P3M or PT2M");
            }
        }
        if (program.getMinimumParticipants() > program.totalQuota()) {
            problems.add("minimumParticipants: the minimum of " + program.getMinimumParticipants()
                    + " participants is more than the " + program.totalQuota() + " seats of all batches");
        }
        if (program.requestedTotal().compareTo(budget.remaining(program.getBudgetLineId())) > 0) {
            problems.add("budgetItems: the requested total " + program.requestedTotal().toPlainString()
                    + " exceeds what is left on the budget line (" + budget.remaining(program.getBudgetLineId()).toPlainString() + ")");
        }
        return problems;
    }
}
