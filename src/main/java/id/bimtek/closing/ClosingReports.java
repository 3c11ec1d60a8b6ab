package id.bimtek.closing;

import id.bimtek.proposal.BudgetItem;
import id.bimtek.proposal.Program;
import id.bimtek.proposal.ProgramRepository;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The latest closing report of a programme as people read it: every planned item with what was realised. */
@Component
class ClosingReports {

    /** One line of the report: a planned item ({@code planned} set, realised possibly zero) or an unplanned one. */
    record Line(String description, BigDecimal planned, BigDecimal realised, String reason) {

        boolean unplanned() {
            return planned == null;
        }
    }

    /** {@code committed}: what the programme holds on its line now (the realised total once settled, zero after). */
    record Filed(String programCode, String programTitle, String agency, List<Line> lines, BigDecimal realisedTotal,
                 BigDecimal committed, String notes, String filedBy, Instant filedAt) {

        BigDecimal plannedTotal() {
            return lines.stream().filter(line -> !line.unplanned()).map(Line::planned).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    private final JdbcTemplate jdbc;
    private final ProgramRepository programs;

    ClosingReports(JdbcTemplate jdbc, ProgramRepository programs) {
        this.jdbc = jdbc;
        this.programs = programs;
    }

    @Transactional(readOnly = true)
    Optional<Filed> latest(long programId) {
        List<Map<String, Object>> reports = jdbc.queryForList("""
                select id, notes, realised_total, filed_by, filed_at from closing_report
                 where program_id = ? order by id desc limit 1""", programId);
        if (reports.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> report = reports.get(0);
        Program program = programs.findById(programId).orElseThrow();
        List<Line> lines = new ArrayList<>();
        Set<Integer> realised = new HashSet<>();
        jdbc.query("""
                select description, amount, planned_position, planned_amount, reason from closing_realised_item
                 where closing_report_id = ? order by position""", rs -> {
            if (rs.getObject("planned_position") != null) {
                realised.add(rs.getInt("planned_position"));
            }
            lines.add(new Line(rs.getString("description"), rs.getBigDecimal("planned_amount"), rs.getBigDecimal("amount"),
                    rs.getString("reason")));
        }, report.get("id"));
        for (BudgetItem item : program.getBudgetItems()) {
            if (!realised.contains(item.getPosition())) {
                lines.add(new Line(item.getDescription(), item.getAmount(), BigDecimal.ZERO, null));
            }
        }
        return Optional.of(new Filed(program.getCode(), program.getTitle(), program.getAgency(), List.copyOf(lines),
                (BigDecimal) report.get("realised_total"), program.getCommittedAmount(),
                (String) report.get("notes"), (String) report.get("filed_by"),
                ((Timestamp) report.get("filed_at")).toInstant()));
    }
}
