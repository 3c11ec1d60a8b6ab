package id.bimtek.proposal;

import id.bimtek.budget.BudgetService;
import id.bimtek.shared.IsoDurations;
import id.bimtek.shared.Wib;
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
        if (!program.getRegistrationDeadline().isAfter(Wib.now())) {
            problems.add("registrationDeadline: batas pendaftaran sudah lewat");
        }
        LocalDate deadlineDay = program.getRegistrationDeadline().atZone(JAKARTA).toLocalDate();
        int fiscalYear = budget.line(program.getBudgetLineId()).getFiscalYear();
        for (Batch batch : program.getBatches()) {
            for (String track : batch.getTracks()) {
                if (!program.getTracks().contains(track)) {
                    problems.add("batches: gelombang '" + batch.getName() + "' untuk bidang " + track
                            + ", yang bukan bidang program " + program.getTracks());
                }
            }
            // money of one fiscal year pays for sessions of that year, unless the proposal says why not
            if ((batch.getStartDate().getYear() != fiscalYear || batch.getEndDate().getYear() != fiscalYear)
                    && program.getFiscalYearReason() == null) {
                problems.add("fiscalYearReason: gelombang '" + batch.getName() + "' berlangsung " + batch.getStartDate() + " s.d. "
                        + batch.getEndDate() + ", di luar tahun anggaran " + fiscalYear + " mata anggarannya; pindahkan ke "
                        + fiscalYear + " atau tuliskan alasannya");
            }
            if (!batch.getStartDate().isAfter(deadlineDay)) {
                problems.add("batches: gelombang '" + batch.getName() + "' mulai " + batch.getStartDate()
                        + ", tidak setelah batas pendaftaran");
            }
        }
        for (String round : program.getFollowUpRounds()) {
            if (!IsoDurations.isValid(round)) {
                problems.add("followUpRounds: '" + round + "' bukan jangka waktu ISO-8601 yang positif, mis. P3M atau PT2M");
            }
        }
        if (program.getMinimumParticipants() > program.totalQuota()) {
            problems.add("minimumParticipants: peserta minimum " + program.getMinimumParticipants()
                    + " lebih banyak dari " + program.totalQuota() + " kursi semua gelombang");
        }
        if (program.requestedTotal().compareTo(budget.remaining(program.getBudgetLineId())) > 0) {
            problems.add("budgetItems: jumlah yang diminta " + id.bimtek.shared.Rupiah.of(program.requestedTotal())
                    + " melebihi sisa mata anggaran (" + id.bimtek.shared.Rupiah.of(budget.remaining(program.getBudgetLineId())) + ")");
        }
        return problems;
    }
}
