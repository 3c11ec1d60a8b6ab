package id.bimtek.registration;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The participants' completion, kept on their registrations: what share of their batch's sessions (or hours) each
 * confirmed participant attended, who reached the programme's threshold, and the certificate number each graduate
 * was given. Closing decides when; the registrations are this package's.
 */
@Service
public class Completions {

    /** A graduate, in the order certificates are numbered (batch, then registration). */
    public record Graduate(long registrationId, String phone, String email) {
    }

    private final JdbcTemplate jdbc;

    Completions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records each confirmed participant's attendance share and whether it reaches the threshold; returns the graduates. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Graduate> assess(long programId, boolean byHours, int thresholdPercent) {
        jdbc.update("""
                with session_hours as (
                    select s.batch_id, s.session_no, extract(epoch from s.end_time - s.start_time) / 3600 as hours
                      from batch_session s join batch b on b.id = s.batch_id where b.program_id = ?),
                attended as (
                    select r.id,
                           count(*) filter (where a.present) as sessions,
                           coalesce(sum(h.hours) filter (where a.present), 0) as hours
                      from registration r
                      left join attendance a on a.registration_id = r.id
                      left join session_hours h on h.batch_id = a.batch_id and h.session_no = a.session_no
                     where r.program_id = ? and r.status = 'CONFIRMED'
                     group by r.id),
                planned as (
                    select batch_id, count(*) as sessions, sum(hours) as hours from session_hours group by batch_id)
                update registration r
                   set attended_hours = round(attended.hours, 2),
                       attendance_percent = floor(100 * case when ? then attended.hours / nullif(planned.hours, 0)
                                                             else attended.sessions::numeric / nullif(planned.sessions, 0) end)
                  from attended, planned
                 where attended.id = r.id and planned.batch_id = r.batch_id""", programId, programId, byHours);
        jdbc.update("""
                update registration set completed = attendance_percent >= ?
                 where program_id = ? and status = 'CONFIRMED'""", thresholdPercent, programId);
        return jdbc.query("""
                select r.id, r.phone, r.email from registration r join batch b on b.id = r.batch_id
                 where r.program_id = ? and r.completed order by b.position, r.id""",
                (rs, row) -> new Graduate(rs.getLong("id"), rs.getString("phone"), rs.getString("email")), programId);
    }

    /** The graduate's certificate number, shown with their registration. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void certified(long registrationId, String certificateNumber) {
        jdbc.update("update registration set certificate_number = ? where id = ?", certificateNumber, registrationId);
    }
}
