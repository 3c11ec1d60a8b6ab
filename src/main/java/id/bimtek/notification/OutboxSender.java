package id.bimtek.notification;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends what {@link Notifications} put in the outbox: by e-mail when mail is configured
 * ({@code spring.mail.host}), otherwise as one INFO log line per notification.
 * <p>
 * A round claims a batch of due, unsent rows with {@code SELECT ... FOR UPDATE SKIP LOCKED} (so several
 * application instances never take the same row) and moves their next attempt a lease ahead, then sends
 * them without holding a lock or a transaction while the mail server talks. A sent row gets
 * {@code sent_at}; a failure keeps it unsent with {@code attempts}, {@code last_error} and a later
 * {@code next_attempt_at} (exponential back-off, capped). If the application stops between sending and
 * marking, the lease expires and the row is sent again: delivery is at least once.
 */
@Component
public class OutboxSender {

    /** How long a claimed row is left to its sender before another round may take it again. */
    static final Duration LEASE = Duration.ofMinutes(10);

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private static final int MAX_ERROR = 1000;

    private final JdbcTemplate jdbc;
    private final JavaMailSender mail;
    private final NotificationProperties properties;
    private final MessageGateway gateway;

    public OutboxSender(JdbcTemplate jdbc, ObjectProvider<JavaMailSender> mail, NotificationProperties properties,
                        MessageGateway gateway) {
        this.jdbc = jdbc;
        this.mail = mail.getIfAvailable();
        this.properties = properties;
        this.gateway = gateway;
        log.info("Notifications are {}", this.mail == null ? "logged (spring.mail.host is not set)" : "sent by e-mail");
    }

    /**
     * Sends (or logs) one batch of due notifications; returns how many were sent (or logged). Those that
     * failed stay in the outbox for a later attempt.
     */
    public int sendDue() {
        return round().sent();
    }

    /** Rounds of {@link #sendDue()} until nothing more is due; returns how many were sent (or logged). */
    public int sendAllDue() {
        int total = 0;
        for (int rounds = 0; rounds < 100; rounds++) {
            Round round = round();
            total += round.sent();
            if (round.taken() < properties.batchSize()) {
                break;
            }
        }
        return total;
    }

    private Round round() {
        List<Pending> batch = claim();
        int sent = 0;
        for (Pending notification : batch) {
            if (deliver(notification)) {
                sent++;
            }
        }
        return new Round(batch.size(), sent);
    }

    private List<Pending> claim() {
        List<Pending> claimed = jdbc.query("""
                update notification set next_attempt_at = now() + ? * interval '1 millisecond'
                 where id in (select id from notification
                               where sent_at is null and next_attempt_at <= now()
                               order by next_attempt_at, id
                               limit ?
                               for update skip locked)
                returning id, recipient_user, recipient_email, recipient_phone, registration_id, kind, subject, body,
                          program_id, attempts""",
                (rs, row) -> new Pending(rs.getLong("id"), rs.getString("recipient_user"), rs.getString("recipient_email"),
                        rs.getString("recipient_phone"), rs.getObject("registration_id") != null, rs.getString("kind"),
                        rs.getString("subject"), rs.getString("body"), (Long) rs.getObject("program_id"), rs.getInt("attempts")),
                LEASE.toMillis(), properties.batchSize());
        return claimed.stream().sorted(Comparator.comparingLong(Pending::id)).toList();
    }

    private boolean deliver(Pending notification) {
        if (notification.recipientPhone() != null) {
            return message(notification);
        }
        if (notification.toApplicant() && mail == null) {
            log.info("Message #{} {} to an applicant's e-mail (program {}), {} characters: e-mail is not configured",
                    notification.id(), notification.kind(), notification.programId(), notification.body().length());
            markSent(notification, "not mailed: spring.mail.host is not set");
            return true;
        }
        if (mail == null) {
            log.info("Notification #{} {} to {}{}{}: {} | {}", notification.id(), notification.kind(),
                    notification.recipientUser(),
                    notification.recipientEmail() == null ? "" : " <" + notification.recipientEmail() + ">",
                    notification.programId() == null ? "" : " (program " + notification.programId() + ")",
                    notification.subject(), oneLine(notification.body()));
            markSent(notification, null);
            return true;
        }
        if (notification.recipientEmail() == null) {
            log.warn("Notification #{} {} to {} not mailed: the user has no e-mail address", notification.id(),
                    notification.kind(), notification.recipientUser());
            markSent(notification, "not mailed: no e-mail address for user " + notification.recipientUser());
            return true;
        }
        try {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(properties.from());
            helper.setTo(notification.recipientEmail());
            helper.setSubject(notification.subject());
            helper.setText(notification.body(), false);
            message.setHeader("X-Bimtek-Notification", notification.id() + " " + notification.kind());
            mail.send(message);
        } catch (Exception e) {
            return failed(notification, notification.toApplicant() ? "an applicant's e-mail" : notification.recipientEmail(), e);
        }
        markSent(notification, null);
        log.debug("Notification #{} mailed to {}", notification.id(),
                notification.toApplicant() ? "an applicant" : notification.recipientEmail());
        return true;
    }

    /** An applicant's message: through the gateway, or counted in the log (never its text: it holds the reference). */
    private boolean message(Pending notification) {
        if (!gateway.configured()) {
            log.info("Message #{} {} to an applicant (program {}), {} characters: no gateway configured",
                    notification.id(), notification.kind(), notification.programId(), notification.body().length());
            markSent(notification, "not sent: lifecycle.notifications.gateway.url is not set");
            return true;
        }
        try {
            gateway.send(notification.recipientPhone(), notification.body());
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return failed(notification, "an applicant's phone", e);
        }
        markSent(notification, null);
        return true;
    }

    /** The row stays in the outbox for a later attempt, a little later each time. */
    private boolean failed(Pending notification, String recipient, Exception e) {
        int attempts = notification.attempts() + 1;
        Duration wait = properties.backoff(attempts);
        String error = describe(e);
        jdbc.update("""
                update notification set attempts = attempts + 1, last_error = ?,
                       next_attempt_at = now() + ? * interval '1 millisecond'
                 where id = ?""", error, wait.toMillis(), notification.id());
        log.warn("Notification #{} to {} not sent (attempt {}), next attempt in {}: {}", notification.id(),
                recipient, attempts, wait, error);
        return false;
    }

    private void markSent(Pending notification, String note) {
        jdbc.update("update notification set sent_at = now(), attempts = attempts + 1, last_error = ? where id = ?",
                note, notification.id());
    }

    /** The exception and those causes that add something to its message, on one line. */
    private static String describe(Exception e) {
        StringBuilder text = new StringBuilder(e.getClass().getSimpleName() + ": " + e.getMessage());
        Throwable cause = e.getCause();
        for (int depth = 0; cause != null && depth < 3; depth++, cause = cause.getCause()) {
            if (cause.getMessage() == null || !text.toString().contains(cause.getMessage())) {
                text.append(" / ").append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage());
            }
        }
        String oneLine = oneLine(text.toString());
        return oneLine.length() <= MAX_ERROR ? oneLine : oneLine.substring(0, MAX_ERROR);
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*\\R\\s*", " / ").strip();
    }

    private record Round(int taken, int sent) {
    }

    /** {@code toApplicant}: for a registration (whose address, like its text, stays out of the log), not a user. */
    private record Pending(long id, String recipientUser, String recipientEmail, String recipientPhone,
                           boolean toApplicant, String kind, String subject, String body, Long programId, int attempts) {
    }
}
