package id.bimtek.budget;

import id.bimtek.audit.AuditTrail;
import id.bimtek.shared.ProblemException;
import id.bimtek.shared.Rupiah;
import java.util.Map;
import java.math.BigDecimal;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Money on budget lines. Each change is one conditional UPDATE, so two programmes approved at the same
 * moment serialise on the line's row and the ceiling holds without locks held across requests; the
 * table's CHECK constraint is the backstop. Every change is written to the ledger (budget_movement).
 */
@Service
public class BudgetService {

    private final JdbcTemplate jdbc;
    private final BudgetLineRepository lines;
    private final AuditTrail audit;

    public BudgetService(JdbcTemplate jdbc, BudgetLineRepository lines, AuditTrail audit) {
        this.jdbc = jdbc;
        this.lines = lines;
        this.audit = audit;
    }

    /** A new line of {@code agency}; an APBD line's code must follow the regional structure ({@link BudgetCode}). */
    @Transactional
    public BudgetLine create(String code, String name, String agency, int fiscalYear, FundingSource source,
                             BigDecimal ceiling) {
        if (source == FundingSource.APBD && BudgetCode.parse(code).isEmpty()) {
            throw ProblemException.invalid("code", BudgetCode.EXPECTED);
        }
        if (lines.findByCodeAndFiscalYear(code, fiscalYear).isPresent()) {
            throw ProblemException.conflict("code", "budget line " + code + " already exists for fiscal year " + fiscalYear)
                    .because("BUDGET_LINE_EXISTS", code, String.valueOf(fiscalYear));
        }
        return lines.saveAndFlush(new BudgetLine(code.strip(), name.strip(), agency.strip(), fiscalYear, source, ceiling));
    }

    /** The line of the fiscal year, or of the latest year when none is given. */
    @Transactional(readOnly = true)
    public java.util.Optional<BudgetLine> find(String code, Integer fiscalYear) {
        return fiscalYear != null ? lines.findByCodeAndFiscalYear(code, fiscalYear)
                : lines.findByCodeOrderByFiscalYearDesc(code).stream().findFirst();
    }

    /** Every line, the latest fiscal year first: what a proposal can be charged to. */
    @Transactional(readOnly = true)
    public java.util.List<BudgetLine> lines() {
        return lines.findAll(org.springframework.data.domain.Sort.by(org.springframework.data.domain.Sort.Order.desc("fiscalYear"),
                org.springframework.data.domain.Sort.Order.asc("code")));
    }

    @Transactional(readOnly = true)
    public BudgetLine line(long lineId) {
        return lines.findById(lineId).orElseThrow(() -> ProblemException.notFound("budget line " + lineId));
    }

    /** Commits {@code amount} against the line's ceiling; false (and nothing changed) if the ceiling is too small. */
    @Transactional
    public boolean commit(long lineId, long programId, BigDecimal amount, String actor) {
        int updated = jdbc.update("""
                update budget_line set committed = committed + ?
                 where id = ? and committed + realised + ? <= ceiling""", amount, lineId, amount);
        if (updated == 1) {
            record(lineId, programId, BudgetMovementKind.COMMIT, amount, actor);
        }
        return updated == 1;
    }

    /** A change of a line's ceiling, as the ledger shows it. */
    public record CeilingChange(long id, BigDecimal oldCeiling, BigDecimal newCeiling, String reason, String actor,
                                java.time.Instant changedAt) {
    }

    /**
     * Raises or lowers the ceiling, never below what is committed and realised on the line; the update is one
     * statement, so a commitment running at the same time is either counted or refused, never squeezed past.
     */
    @Transactional
    public BudgetLine changeCeiling(long lineId, BigDecimal ceiling, String reason, String actor) {
        if (ceiling == null || ceiling.signum() < 0 || ceiling.scale() > 2 || ceiling.precision() - ceiling.scale() > 16) {
            throw ProblemException.invalid("ceiling", "the ceiling must be an amount of zero or more, with at most two decimals")
                    .because("CEILING_NOT_AN_AMOUNT");
        }
        if (reason == null || reason.isBlank() || reason.length() > 1000) {
            throw ProblemException.invalid("reason", "a reason of at most 1000 characters is required").because("REASON_REQUIRED");
        }
        BigDecimal before = jdbc.queryForList("select ceiling from budget_line where id = ? for update", BigDecimal.class, lineId)
                .stream().findFirst().orElseThrow(() -> ProblemException.notFound("budget line " + lineId));
        int updated = jdbc.update("update budget_line set ceiling = ? where id = ? and committed + realised <= ?",
                ceiling, lineId, ceiling);
        if (updated == 0) {
            BigDecimal used = jdbc.queryForObject("select committed + realised from budget_line where id = ?", BigDecimal.class, lineId);
            throw new ProblemException(ProblemException.Kind.CONFLICT, "ceiling", "the ceiling cannot go below the "
                    + used.toPlainString() + " committed and realised on the line", CEILING_BELOW_USE);
        }
        jdbc.update("""
                insert into budget_ceiling_change (budget_line_id, old_ceiling, new_ceiling, reason, actor)
                values (?, ?, ?, ?, ?)""", lineId, before, ceiling, reason.strip(), actor);
        return line(lineId);
    }

    /** The rule that refuses a ceiling below what the line has committed and realised. */
    public static final String CEILING_BELOW_USE = "CEILING_BELOW_USE";

    @Transactional(readOnly = true)
    public java.util.List<CeilingChange> ceilingChanges(long lineId) {
        return jdbc.query("""
                select id, old_ceiling, new_ceiling, reason, actor, changed_at from budget_ceiling_change
                 where budget_line_id = ? order by id""", (rs, i) -> new CeilingChange(rs.getLong("id"),
                rs.getBigDecimal("old_ceiling"), rs.getBigDecimal("new_ceiling"), rs.getString("reason"), rs.getString("actor"),
                rs.getTimestamp("changed_at").toInstant()), lineId);
    }

    /** Gives a commitment back to the line (cancellation, or what closing did not spend). */
    @Transactional
    public void release(long lineId, long programId, BigDecimal amount, String actor) {
        if (amount.signum() == 0) {
            return;
        }
        jdbc.update("update budget_line set committed = committed - ? where id = ?", amount, lineId);
        record(lineId, programId, BudgetMovementKind.RELEASE, amount, actor);
    }

    /** Books what a programme spent: moves it from committed to realised. */
    @Transactional
    public void realise(long lineId, long programId, BigDecimal amount, String actor) {
        jdbc.update("update budget_line set committed = committed - ?, realised = realised + ? where id = ?",
                amount, amount, lineId);
        record(lineId, programId, BudgetMovementKind.REALISE, amount, actor);
    }

    @Transactional(readOnly = true)
    public BigDecimal remaining(long lineId) {
        return jdbc.queryForObject("select ceiling - committed - realised from budget_line where id = ?",
                BigDecimal.class, lineId);
    }

    private void record(long lineId, long programId, BudgetMovementKind kind, BigDecimal amount, String actor) {
        jdbc.update("insert into budget_movement (budget_line_id, program_id, kind, amount, actor) values (?, ?, ?, ?, ?)",
                lineId, programId, kind.name(), amount, actor);
        Map<String, Object> line = jdbc.queryForMap(
                "select code, fiscal_year, ceiling, committed, realised from budget_line where id = ?", lineId);
        audit.append(programId, AuditTrail.Stage.BUDGET.entry("BUDGET_" + kind, actor)
                .on(line.get("code") + " (" + line.get("fiscal_year") + ")")
                .saying(kind.word() + " " + Rupiah.toTheCent(amount))
                .changing(null, Map.of("amount", amount.toPlainString(), "lineCeiling", line.get("ceiling").toString(),
                        "lineCommitted", line.get("committed").toString(), "lineRealised", line.get("realised").toString())));
    }
}
