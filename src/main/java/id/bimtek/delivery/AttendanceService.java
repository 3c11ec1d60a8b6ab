package id.bimtek.delivery;

import id.bimtek.audit.AuditTrail;
import id.bimtek.shared.ProblemException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Attendance per session day of a batch; recording a session again replaces what was recorded. */
@Service
public class AttendanceService {

    public record SessionAttendance(long batchId, int session, List<Long> present, List<Long> absent) {
    }

    private final JdbcTemplate jdbc;
    private final AuditTrail audit;

    public AttendanceService(JdbcTemplate jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Transactional
    public SessionAttendance record(long programId, long batchId, int session, List<Long> present, String user) {
        String status = jdbc.queryForList("select status from program where id = ? for share", String.class, programId)
                .stream().findFirst().orElseThrow(() -> ProblemException.notFound("programme " + programId));
        if (!status.equals("IN_DELIVERY")) {
            throw ProblemException.conflict("status", "attendance is recorded while the programme is IN_DELIVERY (it is " + status + ")");
        }
        Map<String, Object> batch = jdbc.queryForList("select sessions, delivered from batch where id = ? and program_id = ?",
                batchId, programId).stream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("batch " + batchId + " of programme " + programId));
        if ((Boolean) batch.get("delivered")) {
            throw ProblemException.conflict("batchId", "the batch's delivery is already closed");
        }
        int sessions = ((Number) batch.get("sessions")).intValue();
        if (session < 1 || session > sessions) {
            throw ProblemException.invalid("session", "the batch has sessions 1 to " + sessions);
        }
        List<Long> participants = jdbc.queryForList(
                "select id from registration where batch_id = ? and status = 'CONFIRMED' order by id", Long.class, batchId);
        Set<Long> presentSet = new HashSet<>(present);
        for (int i = 0; i < present.size(); i++) {
            if (!participants.contains(present.get(i))) {
                throw ProblemException.invalid("present[" + i + "]", "registration " + present.get(i)
                        + " is not a confirmed participant of this batch");
            }
        }
        for (Long participant : participants) {
            jdbc.update("""
                    insert into attendance (registration_id, batch_id, session_no, present, recorded_by)
                    values (?, ?, ?, ?, ?)
                    on conflict (registration_id, session_no)
                    do update set present = excluded.present, recorded_by = excluded.recorded_by, recorded_at = now()""",
                    participant, batchId, session, presentSet.contains(participant), user);
        }
        SessionAttendance recorded = new SessionAttendance(batchId, session,
                participants.stream().filter(presentSet::contains).toList(),
                participants.stream().filter(p -> !presentSet.contains(p)).toList());
        audit.append(programId, AuditTrail.Stage.DELIVERY, "ATTENDANCE_RECORDED", user, null,
                "batch " + batchId + " session " + session,
                recorded.present().size() + " present, " + recorded.absent().size() + " absent", null, recorded);
        return recorded;
    }

    @Transactional
    public void closeBatch(long batchId) {
        jdbc.update("update batch set delivered = true where id = ?", batchId);
    }
}
