package id.bimtek.registration;

import id.bimtek.proposal.ProgramStatus;
import java.io.Serializable;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * An applicant finds their own registration with the NIK and the reference they were given. Both must
 * match one registration; a wrong NIK and an unknown reference look the same from outside.
 */
@Component
public class RegistrationLookup {

    /** What the applicant sees of their registration (never the NIK: it may travel in the session). */
    public record Found(long registrationId, long programId, String programCode, String programTitle, String agency,
                        String batch, LocalDate batchStart, LocalDate batchEnd, String venue, String mode,
                        String reference, String name, RegistrationStatus status, Integer waitlistPosition,
                        boolean withdrawable, java.time.Instant offerExpiresAt, List<Session> schedule,
                        String certificateNumber) implements Serializable {

        /** Whether the meeting links are shown: only to those who hold a seat. */
        public boolean holdsASeat() {
            return status == RegistrationStatus.REGISTERED || status == RegistrationStatus.CONFIRMED;
        }
    }

    /** A session of the applicant's batch: their schedule. */
    public record Session(int no, LocalDate date, LocalTime start, LocalTime end, String mode, String place, String topic)
            implements Serializable {
    }

    private final JdbcTemplate jdbc;

    public RegistrationLookup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Optional<Found> find(String nik, String reference) {
        if (nik == null || reference == null || nik.isBlank() || reference.isBlank()) {
            return Optional.empty();
        }
        return jdbc.query("""
                select r.id, r.program_id, p.code, p.title, p.agency, p.status as program_status, b.name as batch,
                       b.start_date, b.end_date, b.venue, b.mode, r.reference, r.name, r.status, r.offer_expires_at,
                       r.certificate_number,
                       case when r.status = 'WAITLISTED' then
                           (select count(*) from registration w where w.batch_id = r.batch_id
                               and w.status = 'WAITLISTED' and w.id <= r.id) end as waitlist_position
                  from registration r join program p on p.id = r.program_id join batch b on b.id = r.batch_id
                 where r.reference = ? and r.nik = ?""", RegistrationLookup::found,
                reference.trim().toUpperCase(Locale.ROOT), nik.trim()).stream().findFirst().map(this::withSchedule);
    }

    private Found withSchedule(Found found) {
        List<Session> schedule = jdbc.query("""
                select s.session_no, s.session_date, s.start_time, s.end_time, s.mode,
                       coalesce(s.venue, s.meeting_link) as place, s.topic
                  from batch_session s join registration r on r.batch_id = s.batch_id
                 where r.id = ? order by s.session_no""", (rs, row) -> new Session(rs.getInt("session_no"),
                rs.getObject("session_date", LocalDate.class), rs.getObject("start_time", LocalTime.class),
                rs.getObject("end_time", LocalTime.class), rs.getString("mode"), rs.getString("place"), rs.getString("topic")),
                found.registrationId());
        return new Found(found.registrationId(), found.programId(), found.programCode(), found.programTitle(), found.agency(),
                found.batch(), found.batchStart(), found.batchEnd(), found.venue(), found.mode(), found.reference(),
                found.name(), found.status(), found.waitlistPosition(), found.withdrawable(), found.offerExpiresAt(),
                List.copyOf(schedule), found.certificateNumber());
    }

    private static Found found(ResultSet rs, int row) throws SQLException {
        RegistrationStatus status = RegistrationStatus.valueOf(rs.getString("status"));
        ProgramStatus programStatus = ProgramStatus.valueOf(rs.getString("program_status"));
        // the same conditions RegistrationService.withdraw enforces, so the button is offered only where it works
        boolean withdrawable = (status == RegistrationStatus.REGISTERED || status == RegistrationStatus.WAITLISTED
                || status == RegistrationStatus.APPLIED || status == RegistrationStatus.OFFERED)
                && (programStatus == ProgramStatus.REGISTRATION_OPEN || programStatus == ProgramStatus.REGISTRATION_CLOSED);
        return new Found(rs.getLong("id"), rs.getLong("program_id"), rs.getString("code"), rs.getString("title"),
                rs.getString("agency"), rs.getString("batch"), rs.getObject("start_date", LocalDate.class),
                rs.getObject("end_date", LocalDate.class), rs.getString("venue"), rs.getString("mode"),
                rs.getString("reference"), rs.getString("name"), status,
                rs.getObject("waitlist_position") == null ? null : rs.getInt("waitlist_position"), withdrawable,
                status == RegistrationStatus.OFFERED && rs.getTimestamp("offer_expires_at") != null
                        ? rs.getTimestamp("offer_expires_at").toInstant() : null, List.of(), rs.getString("certificate_number"));
    }
}
