package id.bimtek.notification;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What became of each message to a programme's applicants, for staff answering "I never got anything": sent
 * when, waiting for another attempt (how many so far, the last error), or not sent and why. Recipients are
 * masked and texts left out: a message may carry the applicant's reference, which only they should hold.
 */
@Service
@Transactional(readOnly = true)
public class ApplicantDeliveries {

    /** QUEUED: not tried yet (the sender runs every few seconds); RETRYING: tried, failed, tried again later. */
    public enum State { SENT, QUEUED, RETRYING, NOT_SENT }

    public record Delivery(long id, long registrationId, String channel, String recipient, String kind, State state,
                           int attempts, String lastError, Instant createdAt, Instant sentAt, Instant nextAttemptAt) {
    }

    public record Summary(long sent, long waiting, long notSent) {
    }

    private final JdbcTemplate jdbc;

    ApplicantDeliveries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The programme's latest messages to applicants, newest first. */
    public List<Delivery> ofProgram(long programId, int limit) {
        return jdbc.query("""
                select id, registration_id, recipient_phone, recipient_email, kind, attempts, last_error, created_at, sent_at,
                       next_attempt_at
                  from notification
                 where program_id = ? and registration_id is not null
                 order by id desc limit ?""", (rs, row) -> {
            String phone = rs.getString("recipient_phone");
            String error = rs.getString("last_error");
            Instant sentAt = instant(rs.getTimestamp("sent_at"));
            // a row marked sent with a note was not handed to anyone: no gateway or no mail server configured
            State state = sentAt != null ? (error == null ? State.SENT : State.NOT_SENT)
                    : rs.getInt("attempts") == 0 ? State.QUEUED : State.RETRYING;
            return new Delivery(rs.getLong("id"), rs.getLong("registration_id"), phone != null ? "SMS/WhatsApp" : "e-mail",
                    phone != null ? maskedPhone(phone) : maskedEmail(rs.getString("recipient_email")), rs.getString("kind"),
                    state, rs.getInt("attempts"), error, instant(rs.getTimestamp("created_at")), sentAt,
                    instant(rs.getTimestamp("next_attempt_at")));
        }, programId, limit);
    }

    public Summary summary(long programId) {
        return jdbc.queryForObject("""
                select count(*) filter (where sent_at is not null and last_error is null) as sent,
                       count(*) filter (where sent_at is null) as waiting,
                       count(*) filter (where sent_at is not null and last_error is not null) as not_sent
                  from notification where program_id = ? and registration_id is not null""",
                (rs, row) -> new Summary(rs.getLong("sent"), rs.getLong("waiting"), rs.getLong("not_sent")), programId);
    }

    /** {@code 0812****5678}: enough to tell two applicants apart on the phone, not to call them. */
    static String maskedPhone(String phone) {
        return phone.length() < 8 ? "****" : phone.substring(0, 4) + "*".repeat(phone.length() - 8) + phone.substring(phone.length() - 4);
    }

    /** {@code s***@contoh.id}. */
    static String maskedEmail(String email) {
        int at = email == null ? -1 : email.indexOf('@');
        return at < 1 ? "***" : email.charAt(0) + "***" + email.substring(at);
    }

    private static Instant instant(java.sql.Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
