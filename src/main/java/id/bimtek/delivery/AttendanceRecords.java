package id.bimtek.delivery;

import id.bimtek.proposal.InstructorRole;
import id.bimtek.shared.Wib;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What the attendance page shows: a batch's sessions with how far each is recorded, and one session's sheet. */
@Component
public class AttendanceRecords {

    /** A planned session: whether its day has come, and who last recorded it, when, and how often it was corrected. */
    public record SessionState(int no, LocalDate date, String start, String end, String mode, String place, String topic,
                        boolean held, String recordedBy, Instant recordedAt, int corrections, int present, int absent) {

        public boolean recorded() {
            return recordedAt != null;
        }
    }

    /** A participant or an instructor on the sheet; {@code present} is null while the session is unrecorded. */
    public record Person(long id, String name, String detail, Boolean present) {
    }

    private final JdbcTemplate jdbc;

    AttendanceRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<SessionState> sessions(long batchId) {
        LocalDate today = Wib.today();
        return jdbc.query("""
                select s.session_no, s.session_date, s.start_time, s.end_time, s.mode, coalesce(s.venue, s.meeting_link) as place,
                       s.topic, s.attendance_recorded_by, s.attendance_recorded_at, s.attendance_corrections,
                       (select count(*) from attendance a where a.batch_id = s.batch_id and a.session_no = s.session_no and a.present) as present,
                       (select count(*) from attendance a where a.batch_id = s.batch_id and a.session_no = s.session_no and not a.present) as absent
                  from batch_session s where s.batch_id = ? order by s.session_no""", (rs, i) -> {
            LocalDate date = rs.getDate("session_date").toLocalDate();
            java.sql.Timestamp at = rs.getTimestamp("attendance_recorded_at");
            return new SessionState(rs.getInt("session_no"), date, rs.getString("start_time").substring(0, 5),
                    rs.getString("end_time").substring(0, 5), rs.getString("mode"), rs.getString("place"), rs.getString("topic"),
                    !date.isAfter(today), rs.getString("attendance_recorded_by"), at == null ? null : at.toInstant(),
                    rs.getInt("attendance_corrections"), rs.getInt("present"), rs.getInt("absent"));
        }, batchId);
    }

    /** The batch's confirmed participants, with whether they came to the session. */
    @Transactional(readOnly = true)
    public List<Person> participants(long batchId, int sessionNo) {
        return jdbc.query("""
                select r.id, r.name, r.business_name, r.district, a.present
                  from registration r
                  left join attendance a on a.registration_id = r.id and a.session_no = ?
                 where r.batch_id = ? and r.status = 'CONFIRMED' order by r.name, r.id""", (rs, i) ->
                new Person(rs.getLong("id"), rs.getString("name"), rs.getString("business_name") + " · " + rs.getString("district"),
                        (Boolean) rs.getObject("present")), sessionNo, batchId);
    }

    /** The session's instructors and resource persons, with whether they came. */
    @Transactional(readOnly = true)
    public List<Person> instructors(long batchId, int sessionNo) {
        return jdbc.query("""
                select i.id, i.name, si.role, ia.present
                  from batch_session s
                  join session_instructor si on si.session_id = s.id
                  join instructor i on i.id = si.instructor_id
                  left join instructor_attendance ia on ia.session_id = s.id and ia.instructor_id = i.id
                 where s.batch_id = ? and s.session_no = ? order by si.id""", (rs, i) ->
                new Person(rs.getLong("id"), rs.getString("name"),
                        InstructorRole.NARASUMBER.name().equals(rs.getString("role")) ? "narasumber" : "instruktur",
                        (Boolean) rs.getObject("present")), batchId, sessionNo);
    }
}
