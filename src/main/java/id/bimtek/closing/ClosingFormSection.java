package id.bimtek.closing;

import id.bimtek.proposal.BudgetItem;
import id.bimtek.proposal.Program;
import id.bimtek.proposal.ProgramRepository;
import id.bimtek.shared.Rupiah;
import id.bimtek.shared.Wib;
import id.bimtek.workflow.TaskFormSection;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The head approving a closing report sees it: per planned item the plan and what was realised, every
 * unplanned item with its reason, the total against the commitment, the notes, and who filed it when.
 */
@Component
class ClosingFormSection implements TaskFormSection {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm",
            Locale.forLanguageTag("id-ID")).withZone(Wib.ZONE);

    private final JdbcTemplate jdbc;
    private final ProgramRepository programs;

    ClosingFormSection(JdbcTemplate jdbc, ProgramRepository programs) {
        this.jdbc = jdbc;
        this.programs = programs;
    }

    @Override
    public Map<String, Object> shownOn(String taskKey, long programId) {
        if (!"approveClosingReport".equals(taskKey)) {
            return Map.of();
        }
        List<Map<String, Object>> reports = jdbc.queryForList("""
                select id, notes, realised_total, filed_by, filed_at from closing_report
                 where program_id = ? order by id desc limit 1""", programId);
        if (reports.isEmpty()) {
            return Map.of("closingReport", "belum ada laporan");
        }
        Map<String, Object> report = reports.get(0);
        Program program = programs.findById(programId).orElseThrow();
        StringBuilder text = new StringBuilder();
        Set<Integer> realised = new HashSet<>();
        jdbc.query("""
                select description, amount, planned_position, planned_amount, reason from closing_realised_item
                 where closing_report_id = ? order by position""", rs -> {
            BigDecimal amount = rs.getBigDecimal("amount");
            if (rs.getObject("planned_position") != null) {
                realised.add(rs.getInt("planned_position"));
                text.append("• ").append(rs.getString("description")).append(": rencana ")
                        .append(Rupiah.of(rs.getBigDecimal("planned_amount"))).append(", realisasi ").append(Rupiah.of(amount));
            } else {
                text.append("• ").append(rs.getString("description")).append(" (tidak direncanakan): realisasi ")
                        .append(Rupiah.of(amount));
                if (rs.getString("reason") != null) {
                    text.append(" — alasan: ").append(rs.getString("reason"));
                }
            }
            text.append('\n');
        }, report.get("id"));
        for (BudgetItem item : program.getBudgetItems()) {
            if (!realised.contains(item.getPosition())) {
                text.append("• ").append(item.getDescription()).append(": rencana ").append(Rupiah.of(item.getAmount()))
                        .append(", realisasi Rp 0\n");
            }
        }
        BigDecimal total = (BigDecimal) report.get("realised_total");
        text.append("Jumlah realisasi ").append(Rupiah.of(total)).append(" dari ")
                .append(Rupiah.of(program.getCommittedAmount())).append(" terkomitmen; kembali ke pagu ")
                .append(Rupiah.of(program.getCommittedAmount().subtract(total))).append('\n');
        if (report.get("notes") != null) {
            text.append("Catatan: ").append(report.get("notes")).append('\n');
        }
        text.append("Dilaporkan oleh ").append(report.get("filed_by")).append(", ")
                .append(WHEN.format(((Timestamp) report.get("filed_at")).toInstant())).append(" WIB");
        return Map.of("closingReport", text.length() > 3_900 ? text.substring(0, 3_890) + " …" : text.toString());
    }
}
