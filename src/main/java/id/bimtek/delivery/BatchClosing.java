package id.bimtek.delivery;

import id.bimtek.audit.AuditTrail;
import id.bimtek.shared.ProblemException;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Closing a batch's attendance, which is final from then on: a batch with planned sessions still unrecorded
 * closes only with a reason, kept with the batch and in the audit trail.
 */
@Service
public class BatchClosing {

    /** The form field, and the process variable, that carries the reason. */
    public static final String UNRECORDED_SESSIONS_REASON = "unrecordedSessionsReason";
    /** The rule that refuses closing a batch with unrecorded sessions and no reason. */
    public static final String UNRECORDED_SESSIONS = "UNRECORDED_SESSIONS";

    private final JdbcTemplate jdbc;
    private final AuditTrail audit;

    BatchClosing(JdbcTemplate jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Notes the task that records the batch's attendance, as the engine creates it. */
    @Transactional
    public void attachTask(long programId, long batchId, String taskId) {
        if (jdbc.update("update batch set attendance_task_id = ? where id = ? and program_id = ?", taskId, batchId, programId) == 0) {
            throw ProblemException.notFound("batch " + batchId + " of programme " + programId);
        }
    }

    /** The batch whose attendance the task records; empty for a task created before the batch noted its task. */
    @Transactional(readOnly = true)
    public java.util.Optional<Long> batchOfTask(long programId, String taskId) {
        return jdbc.queryForList("select id from batch where attendance_task_id = ? and program_id = ?", Long.class,
                taskId, programId).stream().findFirst();
    }

    /** The task that records the batch's attendance, while it is open. */
    @Transactional(readOnly = true)
    public java.util.Optional<String> taskOf(long programId, long batchId) {
        return jdbc.queryForList("select attendance_task_id from batch where id = ? and program_id = ? and not delivered",
                String.class, batchId, programId).stream().filter(java.util.Objects::nonNull).findFirst();
    }

    /** {@code reason}: why sessions are left unrecorded; needed only when some are. */
    @Transactional
    public void close(long programId, long batchId, String reason, String user) {
        String batch = jdbc.queryForList("select name from batch where id = ? and program_id = ?", String.class,
                batchId, programId).stream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("batch " + batchId + " of programme " + programId));
        String given = reason == null || reason.isBlank() ? null : reason.strip();
        if (given != null && given.length() > 1000) {
            throw ProblemException.invalid(UNRECORDED_SESSIONS_REASON, "the reason must be at most 1000 characters")
                    .because("REASON_TOO_LONG");
        }
        List<Integer> unrecorded = unrecordedSessions(batchId);
        if (!unrecorded.isEmpty() && given == null) {
            throw new ProblemException(ProblemException.Kind.CONFLICT, UNRECORDED_SESSIONS_REASON, "sessions " + unrecorded + " of "
                    + batch + " have no attendance recorded: record them, or give the reason for closing the batch without",
                    UNRECORDED_SESSIONS);
        }
        String kept = unrecorded.isEmpty() ? null : given;
        jdbc.update("update batch set closed_by = ?, closed_at = now(), unrecorded_sessions_reason = ? where id = ?",
                user, kept, batchId);
        audit.append(programId, AuditTrail.Stage.DELIVERY.entry("BATCH_ATTENDANCE_CLOSED", user)
                .on(batch)
                .saying(kept == null ? "kehadiran semua sesi dicatat"
                        : "kehadiran sesi " + String.join(", ", unrecorded.stream().map(String::valueOf).toList())
                                + " tidak dicatat: " + kept)
                .changing(null,
                        Map.of("batchId", batchId, "unrecordedSessions", unrecorded, "reason", kept == null ? "" : kept)));
    }

    /** The planned sessions of the batch whose attendance nobody has recorded. */
    @Transactional(readOnly = true)
    public List<Integer> unrecordedSessions(long batchId) {
        return jdbc.queryForList("""
                select session_no from batch_session where batch_id = ? and attendance_recorded_at is null
                 order by session_no""", Integer.class, batchId);
    }
}
