package id.bimtek.workflow;

import static id.bimtek.proposal.ProcessVariables.VALIDATION_PROBLEMS;

import id.bimtek.budget.BudgetLine;
import id.bimtek.budget.BudgetLineRepository;
import id.bimtek.proposal.AllocationMode;
import id.bimtek.proposal.Batch;
import id.bimtek.proposal.ProcessPrograms;
import id.bimtek.proposal.Program;
import id.bimtek.proposal.ProgramRepository;
import id.bimtek.registration.ApplicantRanking;
import id.bimtek.shared.Wib;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What a person deciding in Camunda Tasklist needs to see, written as the task's own (local) variables
 * when the task is created: the programme, its batches, its budget against the line's remaining
 * ceiling, and the decisions taken so far. Local to the task, so the process keeps only IDs; kept in
 * the task's history, so an auditor sees what the decider saw.
 */
@Component
public class TaskFormData implements TaskListener {

    private static final Locale INDONESIA = Locale.forLanguageTag("id-ID");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", INDONESIA)
            .withZone(Wib.ZONE);

    private static final Map<String, String> SCALES = Map.of("MICRO", "mikro", "SMALL", "kecil", "MEDIUM", "menengah");

    private final ProcessPrograms processPrograms;
    private final ProgramRepository programs;
    private final BudgetLineRepository lines;
    private final DecisionLog decisions;
    private final JdbcTemplate jdbc;
    private final ApplicantRanking ranking;

    public TaskFormData(ProgramRepository programs, BudgetLineRepository lines, DecisionLog decisions, JdbcTemplate jdbc,
                        ApplicantRanking ranking, ProcessPrograms processPrograms) {
        this.processPrograms = processPrograms;
        this.ranking = ranking;
        this.programs = programs;
        this.lines = lines;
        this.decisions = decisions;
        this.jdbc = jdbc;
    }

    @Override
    public void notify(DelegateTask task) {
        Program program = programs.findById(processPrograms.idOf(task)).orElseThrow();
        BudgetLine line = lines.findById(program.getBudgetLineId()).orElseThrow();
        Map<String, Object> shown = new HashMap<>();
        shown.put("programCode", program.getCode());
        shown.put("programTitle", program.getTitle());
        shown.put("programAgency", program.getAgency());
        shown.put("programBatches", program.getBatches().stream().map(TaskFormData::describe)
                .collect(Collectors.joining("\n")));
        shown.put("programBudget", program.getBudgetItems().stream()
                .map(item -> "• " + item.getDescription() + ": " + rupiah(item.getAmount()))
                .collect(Collectors.joining("\n")) + "\nJumlah: " + rupiah(program.requestedTotal()));
        shown.put("budgetLine", line.getCode() + " " + line.getName() + " (" + line.getSource() + " " + line.getFiscalYear()
                + ")\nPagu " + rupiah(line.getCeiling()) + ", terkomitmen " + rupiah(line.getCommitted())
                + ", terealisasi " + rupiah(line.getRealised()) + ", sisa " + rupiah(line.getRemaining()));
        shown.put("programDeadline", WHEN.format(program.getRegistrationDeadline()) + " WIB, minimal "
                + program.getMinimumParticipants() + " peserta");
        shown.put("registrationSummary", registrationSummary(program.getId()));
        if (program.getAllocationMode() == AllocationMode.SELECTION) {
            shown.put("rankedList", rankedList(program.getId()));
        }
        shown.put("earlierDecisions", decisions.of(program.getId()).stream()
                .map(d -> WHEN.format(d.getDecidedAt()) + " — " + d.getTaskName() + ": " + d.getDecision() + " oleh "
                        + d.getActor() + (d.getComment() == null ? "" : " — \"" + d.getComment() + "\""))
                .collect(Collectors.joining("\n")));
        Object problems = task.getVariable(VALIDATION_PROBLEMS);
        if (problems != null && !problems.toString().isBlank()) {
            shown.put("validationProblems", problems.toString());
        }
        task.setVariablesLocal(shown);
    }

    /** The ranking staff confirm, batch by batch; a Camunda string variable holds at most 4,000 characters. */
    private String rankedList(long programId) {
        StringBuilder text = new StringBuilder();
        String batch = null;
        int shown = 0;
        List<ApplicantRanking.Ranked> ranked = ranking.of(programId);
        for (ApplicantRanking.Ranked applicant : ranked) {
            String line = (applicant.batch().equals(batch) ? "" : (batch == null ? "" : "\n") + applicant.batch() + " (kuota "
                    + applicant.quota() + "):\n")
                    + applicant.rank() + ". " + applicant.name() + " (#" + applicant.registrationId() + "), " + applicant.points()
                    + " poin" + (applicant.firstTime() ? ", peserta baru" : "")
                    + (applicant.businessScale() == null ? "" : ", usaha " + SCALES.get(applicant.businessScale()))
                    + (applicant.withinQuota() ? " — TERPILIH" : " — cadangan") + "\n";
            if (text.length() + line.length() > 3_700) {
                text.append("... dan ").append(ranked.size() - shown).append(" pendaftar lain: GET /api/programs/")
                        .append(programId).append("/registrations/ranking");
                break;
            }
            text.append(line);
            batch = applicant.batch();
            shown++;
        }
        return text.isEmpty() ? "belum ada pendaftar" : text.toString();
    }

    private String registrationSummary(long programId) {
        return jdbc.query("select status, count(*) from registration where program_id = ? group by status order by status",
                (rs, row) -> rs.getString(1) + ": " + rs.getLong(2), programId).stream().collect(Collectors.joining(", "));
    }

    private static String describe(Batch batch) {
        return "• " + batch.getName() + " (" + String.join(", ", batch.getTracks()) + "): " + batch.getStartDate() + " s.d. " + batch.getEndDate()
                + ", " + batch.getVenue() + ", " + batch.getMode() + ", kuota " + batch.getQuota() + ", terisi "
                + batch.getTaken() + ", " + batch.getSessions() + " sesi";
    }

    static String rupiah(BigDecimal amount) {
        NumberFormat format = NumberFormat.getNumberInstance(INDONESIA);
        format.setMaximumFractionDigits(2);
        return "Rp " + format.format(amount);
    }
}
