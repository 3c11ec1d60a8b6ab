package id.bimtek.auditor;

import id.bimtek.proposal.Program;
import id.bimtek.proposal.ProgramService;
import id.bimtek.workflow.Decision;
import id.bimtek.workflow.DecisionLog;
import id.bimtek.workflow.ProcessHistory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A programme's history in time order: the engine's activities and tasks (with who completed them),
 * the decisions with their comments, and the money moved on its budget line.
 */
@Service
public class ProgramHistory {

    public record Entry(Instant at, String type, String name, String key, String actor, String detail, Instant endedAt) {
    }

    private final ProgramService programs;
    private final ProcessHistory processHistory;
    private final DecisionLog decisions;
    private final JdbcTemplate jdbc;

    public ProgramHistory(ProgramService programs, ProcessHistory processHistory, DecisionLog decisions, JdbcTemplate jdbc) {
        this.programs = programs;
        this.processHistory = processHistory;
        this.decisions = decisions;
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<Entry> of(long programId) {
        Program program = programs.get(programId);
        List<Entry> entries = new ArrayList<>();
        entries.add(new Entry(program.getCreatedAt(), "PROPOSAL_CREATED", program.getTitle(), program.getCode(),
                program.getCreatedBy(), null, null));
        if (program.getProcessInstanceId() != null) {
            for (ProcessHistory.Step step : processHistory.of(program.getProcessInstanceId())) {
                entries.add(new Entry(step.startedAt(), step.kind(), step.name(), step.key(), step.assignee(), step.detail(),
                        step.endedAt()));
            }
        }
        for (Decision decision : decisions.of(programId)) {
            entries.add(new Entry(decision.getDecidedAt(), "DECISION", decision.getTaskName(), decision.getTaskKey(),
                    decision.getActor(), decision.getDecision() + (decision.getComment() == null ? "" : ": " + decision.getComment())
                            + (decision.getOnBehalfOf() == null ? "" : " (on behalf of " + decision.getOnBehalfOf() + ")"),
                    null));
        }
        entries.addAll(jdbc.query("""
                select kind, amount, actor, happened_at from budget_movement where program_id = ? order by id""",
                (rs, row) -> new Entry(rs.getTimestamp("happened_at").toInstant(), "BUDGET", rs.getString("kind"),
                        null, rs.getString("actor"), rs.getBigDecimal("amount").toPlainString(), null), programId));
        entries.sort(Comparator.comparing(Entry::at).thenComparing(Entry::type));
        return entries;
    }
}
