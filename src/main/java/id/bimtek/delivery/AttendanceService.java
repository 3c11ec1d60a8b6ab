package id.bimtek.delivery;

import id.bimtek.audit.AuditTrail;
import id.bimtek.proposal.ProgramFacts;
import id.bimtek.proposal.ProgramStatus;
import id.bimtek.shared.ProblemException;
import id.bimtek.shared.Wib;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Attendance per planned session of a batch, participants' and instructors'; recording a session again
 * replaces what was recorded.
 */
@Service
public class AttendanceService {

    /** The rule that refuses attendance for a session whose day has not come. */
    public static final String SESSION_NOT_YET_HELD = "SESSION_NOT_YET_HELD";

    public record SessionAttendance(long batchId, int session, List<Long> present, List<Long> absent,
                                    List<Long> instructorsPresent, List<Long> instructorsAbsent) {
    }

    private final JdbcTemplate jdbc;
    private final ProgramFacts programFacts;
    private final AuditTrail audit;

    public AttendanceService(JdbcTemplate jdbc, ProgramFacts programFacts, AuditTrail audit) {
        this.jdbc = jdbc;
        this.programFacts = programFacts;
        this.audit = audit;
    }

    /** Participants only; the instructors' attendance stays as it was. */
    @Transactional
    public SessionAttendance record(long programId, long batchId, int session, List<Long> present, String user) {
        return record(programId, batchId, session, present, null, user);
    }

    /** {@code instructorsPresent}: those of the session's instructors who came; null leaves theirs unrecorded. */
    @Transactional
    public SessionAttendance record(long programId, long batchId, int session, List<Long> present,
                                    List<Long> instructorsPresent, String user) {
        ProgramStatus status = programFacts.statusHeld(programId);
        if (status != ProgramStatus.IN_DELIVERY) {
            throw ProblemException.conflict("status", "attendance is recorded while the programme is IN_DELIVERY (it is " + status + ")")
                    .because("NOT_IN_DELIVERY");
        }
        Map<String, Object> batch = jdbc.queryForList("select sessions, delivered from batch where id = ? and program_id = ?",
                batchId, programId).stream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("batch " + batchId + " of programme " + programId));
        if ((Boolean) batch.get("delivered")) {
            throw ProblemException.conflict("batchId", "the batch's delivery is already closed").because("BATCH_CLOSED");
        }
        int sessions = ((Number) batch.get("sessions")).intValue();
        Map<String, Object> planned = jdbc.queryForList("select id, session_date from batch_session where batch_id = ? and session_no = ?",
                batchId, session).stream().findFirst().orElseThrow(() -> ProblemException.invalid("session",
                "the batch has sessions 1 to " + sessions).because("NO_SUCH_SESSION", sessions));
        long sessionId = ((Number) planned.get("id")).longValue();
        LocalDate day = ((java.sql.Date) planned.get("session_date")).toLocalDate();
        if (day.isAfter(Wib.today())) {
            throw new ProblemException(ProblemException.Kind.CONFLICT, "session", "session " + session + " is held on " + day
                    + "; its attendance is recorded from that day on", SESSION_NOT_YET_HELD);
        }
        List<Long> participants = jdbc.queryForList(
                "select id from registration where batch_id = ? and status = 'CONFIRMED' order by id", Long.class, batchId);
        Set<Long> presentSet = new HashSet<>(present);
        for (int i = 0; i < present.size(); i++) {
            if (!participants.contains(present.get(i))) {
                throw ProblemException.invalid("present[" + i + "]", "registration " + present.get(i)
                        + " is not a confirmed participant of this batch").because("NOT_A_PARTICIPANT");
            }
        }
        // the whole session in one statement: a batch of forty is one round trip, not forty
        jdbc.update("""
                insert into attendance (registration_id, batch_id, session_no, present, recorded_by)
                select participant, ?, ?, participant = any(?::bigint[]), ? from unnest(?::bigint[]) as p(participant)
                on conflict (registration_id, session_no)
                do update set present = excluded.present, recorded_by = excluded.recorded_by, recorded_at = now()""",
                batchId, session, presentSet.toArray(Long[]::new), user, participants.toArray(Long[]::new));
        List<Long> instructors = jdbc.queryForList(
                "select instructor_id from session_instructor where session_id = ? order by id", Long.class, sessionId);
        Set<Long> instructorsCame = new HashSet<>();
        if (instructorsPresent != null) {
            for (int i = 0; i < instructorsPresent.size(); i++) {
                if (!instructors.contains(instructorsPresent.get(i))) {
                    throw ProblemException.invalid("instructorsPresent[" + i + "]", "instructor " + instructorsPresent.get(i)
                            + " does not teach this session").because("NOT_AN_INSTRUCTOR_OF_THE_SESSION");
                }
                instructorsCame.add(instructorsPresent.get(i));
            }
            for (Long instructor : instructors) {
                jdbc.update("""
                        insert into instructor_attendance (session_id, instructor_id, present, recorded_by)
                        values (?, ?, ?, ?)
                        on conflict (session_id, instructor_id)
                        do update set present = excluded.present, recorded_by = excluded.recorded_by, recorded_at = now()""",
                        sessionId, instructor, instructorsCame.contains(instructor), user);
            }
        }
        jdbc.update("""
                update batch_session set attendance_corrections = attendance_corrections
                                             + case when attendance_recorded_at is null then 0 else 1 end,
                       attendance_recorded_by = ?, attendance_recorded_at = now()
                 where id = ?""", user, sessionId);
        SessionAttendance recorded = new SessionAttendance(batchId, session,
                participants.stream().filter(presentSet::contains).toList(),
                participants.stream().filter(p -> !presentSet.contains(p)).toList(),
                instructorsPresent == null ? null : instructors.stream().filter(instructorsCame::contains).toList(),
                instructorsPresent == null ? null : instructors.stream().filter(i -> !instructorsCame.contains(i)).toList());
        audit.append(programId, AuditTrail.Stage.DELIVERY.entry("ATTENDANCE_RECORDED", user)
                .on("gelombang #" + batchId + " sesi " + session)
                .saying(recorded.present().size() + " hadir, " + recorded.absent().size() + " tidak hadir")
                .changing(null, recorded));
        return recorded;
    }

    @Transactional
    public void closeBatch(long batchId) {
        jdbc.update("update batch set delivered = true where id = ?", batchId);
    }
}
