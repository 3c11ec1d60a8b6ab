package id.bimtek.closing;

import id.bimtek.audit.AuditTrail;
import id.bimtek.budget.BudgetService;
import id.bimtek.notification.Notifications;
import id.bimtek.proposal.BudgetItem;
import id.bimtek.proposal.CompletionBasis;
import id.bimtek.proposal.Program;
import id.bimtek.proposal.ProgramRepository;
import id.bimtek.registration.Completions;
import id.bimtek.shared.ActingUser;
import id.bimtek.shared.ProblemException;
import id.bimtek.shared.Rupiah;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Completion, certificates, the closing report and the settlement of the budget. */
@Service
public class ClosingService {

    /** A realised amount for a planned budget item (named by its description), or for an unplanned one with its reason. */
    public record RealisedItem(String description, BigDecimal amount, String reason) {
    }

    private final JdbcTemplate jdbc;
    private final ProgramRepository programs;
    private final BudgetService budget;
    private final AuditTrail audit;
    private final Notifications notifications;
    private final String lookupUrl;
    private final Completions completions;

    public ClosingService(JdbcTemplate jdbc, ProgramRepository programs, BudgetService budget, AuditTrail audit,
                          Notifications notifications, Completions completions,
                          @Value("${lifecycle.public-url:http://localhost:8080}") String publicUrl) {
        this.notifications = notifications;
        this.lookupUrl = publicUrl.replaceAll("/+$", "") + "/daftar/cek";
        this.audit = audit;
        this.jdbc = jdbc;
        this.programs = programs;
        this.budget = budget;
        this.completions = completions;
    }

    /**
     * A participant completes who attended at least the programme's threshold of their batch's sessions, or of
     * its hours where the programme counts hours. Everyone's attended hours are kept (a certificate names them).
     * Graduates get certificate numbers in batch order, then registration order: {code}/SERT/001...
     */
    @Transactional
    public int assessCompletion(long programId) {
        Program program = programs.findById(programId).orElseThrow();
        boolean byHours = program.getCompletionBasis() == CompletionBasis.HOURS;
        List<Completions.Graduate> graduates = completions.assess(programId, byHours, program.getCompletionThresholdPercent());
        int number = 0;
        List<Notifications.ApplicantMessage> told = new java.util.ArrayList<>();
        for (Completions.Graduate graduate : graduates) {
            long registrationId = graduate.registrationId();
            String certificate = String.format("%s/SERT/%03d", program.getCode(), ++number);
            completions.certified(registrationId, certificate);
            jdbc.update("""
                    insert into certificate (number, registration_id, program_id) values (?, ?, ?)
                    on conflict do nothing""", certificate, registrationId, programId);
            told.add(new Notifications.ApplicantMessage(registrationId, graduate.phone(), graduate.email(), "CERTIFICATE_READY",
                    programId, "Selamat, Anda lulus " + program.getTitle() + ". Sertifikat " + certificate
                    + " siap diunduh di " + lookupUrl + " dengan NIK dan kode pendaftaran Anda."));
        }
        // in this transaction: a certificate that is not issued is announced to nobody
        notifications.toApplicants(told);
        audit.append(programId, AuditTrail.Stage.CLOSING.entry("COMPLETION_ASSESSED", ActingUser.SYSTEM)
                .on(program.getCode())
                .saying(graduates.size() + " lulusan dengan kehadiran sedikitnya "
                        + program.getCompletionThresholdPercent() + (byHours ? "% jam pelajaran" : "% sesi")
                        + "; sertifikat diberi nomor")
                .changing(null,
                        Map.of("graduates", graduates.size(), "thresholdPercent", program.getCompletionThresholdPercent(),
                        "basis", program.getCompletionBasis().name())));
        return graduates.size();
    }

    /**
     * Files the report: the total within what was committed, each item realising a planned item at most once and
     * at most its planned amount, or an unplanned item with its reason. A planned item left out realised nothing.
     */
    @Transactional
    public long fileReport(long programId, String taskId, List<RealisedItem> items, String notes, String user) {
        Program program = programs.findById(programId).orElseThrow();
        BigDecimal total = items.stream().map(RealisedItem::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total.compareTo(program.getCommittedAmount()) > 0) {
            throw ProblemException.invalid("realisedItems", "the realised total " + total.toPlainString()
                    + " exceeds the committed " + program.getCommittedAmount().toPlainString())
                    .because("REALISED_ABOVE_COMMITTED", Rupiah.of(total), Rupiah.of(program.getCommittedAmount()));
        }
        List<BudgetItem> planned = plannedItemsOf(program, items);
        Long reportId = jdbc.queryForObject("""
                insert into closing_report (program_id, task_id, notes, realised_total, filed_by)
                values (?, ?, ?, ?, ?) returning id""",
                Long.class, programId, taskId, notes, total, user);
        List<Map<String, Object>> recorded = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            RealisedItem item = items.get(i);
            BudgetItem plan = planned.get(i);
            jdbc.update("""
                    insert into closing_realised_item (closing_report_id, position, description, amount, planned_position,
                                                       planned_amount, reason)
                    values (?, ?, ?, ?, ?, ?, ?)""", reportId, i, plan != null ? plan.getDescription() : item.description(),
                    item.amount(), plan != null ? plan.getPosition() : null, plan != null ? plan.getAmount() : null,
                    plan != null ? null : item.reason());
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("description", plan != null ? plan.getDescription() : item.description());
            entry.put("amount", item.amount().toPlainString());
            entry.put("planned", plan != null ? plan.getAmount().toPlainString() : "unplanned");
            if (plan == null) {
                entry.put("reason", item.reason());
            }
            recorded.add(entry);
        }
        audit.append(programId, AuditTrail.Stage.CLOSING.entry("CLOSING_REPORT_FILED", user)
                .on(program.getCode())
                .saying("realisasi " + Rupiah.toTheCent(total) + " dari komitmen "
                        + Rupiah.toTheCent(program.getCommittedAmount()))
                .changing(null,
                        Map.of("realisedItems", recorded, "notes", notes == null ? "" : notes, "realisedTotal", total.toPlainString())));
        return reportId;
    }

    /** Per realised item, the planned item it realises, or null for an unplanned one (which must give its reason). */
    private static List<BudgetItem> plannedItemsOf(Program program, List<RealisedItem> items) {
        List<BudgetItem> matched = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            RealisedItem item = items.get(i);
            String field = "realisedItems[" + i + "]";
            BudgetItem plan = program.getBudgetItems().stream()
                    .filter(candidate -> candidate.getDescription().strip().equalsIgnoreCase(item.description().strip()))
                    .findFirst().orElse(null);
            if (plan == null && (item.reason() == null || item.reason().isBlank())) {
                throw ProblemException.invalid(field + ".reason", "'" + item.description() + "' is not an item of the plan ("
                        + program.getBudgetItems().stream().map(BudgetItem::getDescription).collect(Collectors.joining(", "))
                        + "); an unplanned item needs a reason").because("UNPLANNED_ITEM_WITHOUT_REASON", item.description());
            }
            if (plan != null && !seen.add(plan.getPosition())) {
                throw ProblemException.invalid(field + ".description", "'" + plan.getDescription() + "' is listed twice")
                        .because("ITEM_TWICE", plan.getDescription());
            }
            if (plan != null && item.amount().compareTo(plan.getAmount()) > 0) {
                throw ProblemException.invalid(field + ".amount", "the realised " + Rupiah.of(item.amount()) + " exceeds the "
                        + Rupiah.of(plan.getAmount()) + " planned for '" + plan.getDescription() + "'")
                        .because("ITEM_ABOVE_PLAN", plan.getDescription(), Rupiah.of(item.amount()), Rupiah.of(plan.getAmount()));
            }
            matched.add(plan);
        }
        return matched;
    }

    /** A participant's completion result, as the closing report shows it before it is filed. */
    public record ParticipantResult(String name, String batch, int attendedSessions, int sessions,
                                    BigDecimal attendedHours, boolean completed, String certificate) {
    }

    @Transactional(readOnly = true)
    public List<ParticipantResult> participantResults(long programId) {
        return jdbc.query("""
                select r.name, b.name as batch, b.sessions, r.attended_hours, coalesce(r.completed, false) as completed,
                       c.number,
                       (select count(*) from attendance a where a.registration_id = r.id and a.present) as attended
                  from registration r join batch b on b.id = r.batch_id
                  left join certificate c on c.registration_id = r.id
                 where r.program_id = ? and r.status = 'CONFIRMED' order by b.position, r.name, r.id""", (rs, i) ->
                new ParticipantResult(rs.getString("name"), rs.getString("batch"), rs.getInt("attended"), rs.getInt("sessions"),
                        rs.getBigDecimal("attended_hours"), rs.getBoolean("completed"), rs.getString("number")), programId);
    }

    /** Whether a report was filed for this task (a variable could be set by anyone completing it). */
    @Transactional(readOnly = true)
    public boolean reportFiledFor(String taskId) {
        return jdbc.queryForObject("select count(*) from closing_report where task_id = ?", Long.class, taskId) > 0;
    }

    /**
     * The approved report's total is realised on the line; the rest of the commitment goes back to it.
     * The latest report is the approved one: a report can only be filed for the open task, and the task
     * cannot be completed without one.
     */
    @Transactional
    public void settle(long programId, String approver) {
        Program program = programs.findById(programId).orElseThrow();
        Map<String, Object> report = jdbc.queryForMap(
                "select realised_total from closing_report where program_id = ? order by id desc limit 1", programId);
        BigDecimal realised = (BigDecimal) report.get("realised_total");
        BigDecimal unspent = program.getCommittedAmount().subtract(realised);
        budget.realise(program.getBudgetLineId(), programId, realised, approver);
        budget.release(program.getBudgetLineId(), programId, unspent, approver);
        program.settled(realised);
    }
}
