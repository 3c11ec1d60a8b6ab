package id.bimtek.auditor;

import id.bimtek.budget.BudgetLine;
import id.bimtek.budget.BudgetLineRepository;
import id.bimtek.shared.ProblemException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What auditors read besides the timeline itself: a programme's header and its money, the search across
 * programmes, and a budget line's ledger with the running balance recomputed from its movements.
 */
@Service
@Transactional(readOnly = true)
public class AuditorQueries {

    /** A programme with its budget line, as the auditors' documents head it. */
    public record ProgramHeader(long id, String code, String title, String kind, String agency, String status,
                                int fiscalYear, String createdBy, Instant createdAt, String lineCode, String lineName,
                                int lineFiscalYear, String lineSource, BigDecimal lineCeiling, BigDecimal lineCommitted,
                                BigDecimal lineRealised) {

        public BigDecimal lineRemaining() {
            return lineCeiling.subtract(lineCommitted).subtract(lineRealised);
        }
    }

    /**
     * The programme's money from the ledger: what it committed, realised and released, and what is still
     * committed (committed - realised - released).
     */
    public record ProgramMoney(BigDecimal committed, BigDecimal realised, BigDecimal released) {

        public BigDecimal outstanding() {
            return committed.subtract(realised).subtract(released);
        }
    }

    public record SearchHit(long id, String code, String title, String agency, String status, int fiscalYear,
                            String lineCode) {
    }

    public record Movement(long id, Long programId, String programCode, String programTitle, String kind,
                           BigDecimal amount, String actor, Instant happenedAt,
                           BigDecimal committed, BigDecimal realised, BigDecimal remaining) {
    }

    /** One programme's totals on the line. */
    public record ProgramOnLine(Long programId, String programCode, String programTitle, BigDecimal committed,
                                BigDecimal realised, BigDecimal released) {
    }

    /**
     * A line's ledger. The running figures start at zero against the ceiling and follow every movement;
     * {@code reconciled} says they end exactly (to the cent) at the line's current committed and realised. The
     * ceiling is today's; {@code ceilingChanges} says how it came to be, with who, when and why.
     */
    public record Ledger(long lineId, String code, String name, int fiscalYear, String source, BigDecimal ceiling,
                         BigDecimal committed, BigDecimal realised, BigDecimal remaining, List<Movement> movements,
                         List<ProgramOnLine> programmes, BigDecimal runningCommitted, BigDecimal runningRealised,
                         BigDecimal runningRemaining, boolean reconciled,
                         List<id.bimtek.budget.BudgetService.CeilingChange> ceilingChanges) {
    }

    private final JdbcTemplate jdbc;
    private final BudgetLineRepository lines;

    private final id.bimtek.budget.BudgetService budget;

    public AuditorQueries(JdbcTemplate jdbc, BudgetLineRepository lines, id.bimtek.budget.BudgetService budget) {
        this.jdbc = jdbc;
        this.lines = lines;
        this.budget = budget;
    }

    public ProgramHeader header(long programId) {
        List<ProgramHeader> found = jdbc.query("""
                select p.id, p.code, p.title, p.kind, p.agency, p.status, p.fiscal_year, p.created_by, p.created_at,
                       l.code line_code, l.name line_name, l.fiscal_year line_year, l.source, l.ceiling, l.committed, l.realised
                  from program p join budget_line l on l.id = p.budget_line_id
                 where p.id = ?""", (rs, row) -> new ProgramHeader(rs.getLong("id"), rs.getString("code"),
                rs.getString("title"), rs.getString("kind"), rs.getString("agency"), rs.getString("status"),
                rs.getInt("fiscal_year"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
                rs.getString("line_code"), rs.getString("line_name"), rs.getInt("line_year"), rs.getString("source"),
                rs.getBigDecimal("ceiling"), rs.getBigDecimal("committed"), rs.getBigDecimal("realised")), programId);
        if (found.isEmpty()) {
            throw ProblemException.notFound("programme " + programId);
        }
        return found.get(0);
    }

    public ProgramMoney money(long programId) {
        return jdbc.queryForObject("""
                select coalesce(sum(amount) filter (where kind = 'COMMIT'), 0) committed,
                       coalesce(sum(amount) filter (where kind = 'REALISE'), 0) realised,
                       coalesce(sum(amount) filter (where kind = 'RELEASE'), 0) released
                  from budget_movement where program_id = ?""",
                (rs, row) -> new ProgramMoney(rs.getBigDecimal("committed"), rs.getBigDecimal("realised"),
                        rs.getBigDecimal("released")), programId);
    }

    /**
     * Programmes whose code or title contains {@code q} (case-insensitive), where {@code user} acted (or was
     * acted for) in the audit trail, on the budget line {@code lineCode}, of {@code fiscalYear}; any left
     * empty does not restrict. The newest first, at most {@code limit}.
     */
    public List<SearchHit> search(String q, String user, String lineCode, Integer fiscalYear, int limit) {
        StringBuilder sql = new StringBuilder("""
                select p.id, p.code, p.title, p.agency, p.status, p.fiscal_year, l.code line_code
                  from program p join budget_line l on l.id = p.budget_line_id where true""");
        List<Object> args = new ArrayList<>();
        q = AuditFilter.blankToNull(q);
        if (q != null) {
            String like = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            sql.append(" and (p.code ilike ? or p.title ilike ?)");
            args.add(like);
            args.add(like);
        }
        user = AuditFilter.blankToNull(user);
        if (user != null) {
            sql.append(" and exists (select 1 from audit_record a where a.program_id = p.id and (a.actor = ? or a.on_behalf_of = ?))");
            args.add(user);
            args.add(user);
        }
        lineCode = AuditFilter.blankToNull(lineCode);
        if (lineCode != null) {
            sql.append(" and l.code = ?");
            args.add(lineCode);
        }
        if (fiscalYear != null) {
            sql.append(" and p.fiscal_year = ?");
            args.add(fiscalYear);
        }
        sql.append(" order by p.id desc limit ?");
        args.add(limit);
        return jdbc.query(sql.toString(), (rs, row) -> new SearchHit(rs.getLong("id"), rs.getString("code"),
                rs.getString("title"), rs.getString("agency"), rs.getString("status"), rs.getInt("fiscal_year"),
                rs.getString("line_code")), args.toArray());
    }

    /** The line of the given fiscal year, or of the latest year when none is given. */
    public BudgetLine line(String code, Integer fiscalYear) {
        return (fiscalYear != null
                ? lines.findByCodeAndFiscalYear(code, fiscalYear)
                : lines.findByCodeOrderByFiscalYearDesc(code).stream().findFirst())
                .orElseThrow(() -> ProblemException.notFound("budget line " + code));
    }

    public Ledger ledger(String code, Integer fiscalYear) {
        BudgetLine line = line(code, fiscalYear);
        // the line's current figures and its movements in one snapshot of the database
        Map<String, Object> now = jdbc.queryForMap("select ceiling, committed, realised from budget_line where id = ?",
                line.getId());
        BigDecimal ceiling = (BigDecimal) now.get("ceiling");
        BigDecimal committed = (BigDecimal) now.get("committed");
        BigDecimal realised = (BigDecimal) now.get("realised");
        List<Object[]> rows = jdbc.query("""
                select m.id, m.program_id, p.code, p.title, m.kind, m.amount, m.actor, m.happened_at
                  from budget_movement m left join program p on p.id = m.program_id
                 where m.budget_line_id = ? order by m.id""", (rs, row) -> new Object[] {
                rs.getLong("id"), (Long) rs.getObject("program_id", Long.class), rs.getString("code"),
                rs.getString("title"), rs.getString("kind"), rs.getBigDecimal("amount"), rs.getString("actor"),
                rs.getTimestamp("happened_at").toInstant()}, line.getId());
        BigDecimal runningCommitted = BigDecimal.ZERO;
        BigDecimal runningRealised = BigDecimal.ZERO;
        List<Movement> movements = new ArrayList<>();
        Map<Long, BigDecimal[]> perProgram = new LinkedHashMap<>();
        Map<Long, String[]> programNames = new LinkedHashMap<>();
        for (Object[] row : rows) {
            String kind = (String) row[4];
            BigDecimal amount = (BigDecimal) row[5];
            BigDecimal[] totals = perProgram.computeIfAbsent((Long) row[1],
                    id -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
            programNames.putIfAbsent((Long) row[1], new String[] {(String) row[2], (String) row[3]});
            switch (kind) {
                case "COMMIT" -> {
                    runningCommitted = runningCommitted.add(amount);
                    totals[0] = totals[0].add(amount);
                }
                case "REALISE" -> {
                    runningCommitted = runningCommitted.subtract(amount);
                    runningRealised = runningRealised.add(amount);
                    totals[1] = totals[1].add(amount);
                }
                case "RELEASE" -> {
                    runningCommitted = runningCommitted.subtract(amount);
                    totals[2] = totals[2].add(amount);
                }
                default -> throw new IllegalStateException("unknown movement kind " + kind);
            }
            movements.add(new Movement((Long) row[0], (Long) row[1], (String) row[2], (String) row[3], kind, amount,
                    (String) row[6], (Instant) row[7], runningCommitted, runningRealised,
                    ceiling.subtract(runningCommitted).subtract(runningRealised)));
        }
        List<ProgramOnLine> programmes = new ArrayList<>();
        perProgram.forEach((id, totals) -> programmes.add(new ProgramOnLine(id, programNames.get(id)[0],
                programNames.get(id)[1], totals[0], totals[1], totals[2])));
        BigDecimal runningRemaining = ceiling.subtract(runningCommitted).subtract(runningRealised);
        boolean reconciled = runningCommitted.compareTo(committed) == 0 && runningRealised.compareTo(realised) == 0;
        return new Ledger(line.getId(), line.getCode(), line.getName(), line.getFiscalYear(), line.getSource().name(),
                ceiling, committed, realised, ceiling.subtract(committed).subtract(realised), movements, programmes,
                runningCommitted, runningRealised, runningRemaining, reconciled, budget.ceilingChanges(line.getId()));
    }
}
