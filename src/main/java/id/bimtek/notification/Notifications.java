package id.bimtek.notification;

import id.bimtek.shared.Directory;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Puts notifications in the outbox (table {@code notification}) in the caller's transaction: they are
 * sent by {@link OutboxSender} only once that transaction commits, and never if it rolls back.
 * Callers must be inside a transaction (a delegate, a task listener, a {@code @Transactional} service);
 * outside one the call fails, so a notification can never be detached from the step that caused it.
 *
 * <pre>{@code
 * notifications.toGroup(Roles.DIVISION_HEAD, Notifications.TASK_ASSIGNED, programId,
 *         "Usulan baru menunggu review: " + code, "...");
 * }</pre>
 */
@Service
public class Notifications {

    /** A task waits for the recipient (or the recipient's group). */
    public static final String TASK_ASSIGNED = "TASK_ASSIGNED";
    /** A task has waited too long. */
    public static final String REMINDER = "REMINDER";
    /** A task has waited much too long and goes to the recipient's superior. */
    public static final String ESCALATION = "ESCALATION";
    /** A decision on the programme, for the staff member who proposed it. */
    public static final String DECISION = "DECISION";

    static final int MAX_SUBJECT = 300;
    private static final Pattern KIND = Pattern.compile("[A-Z][A-Z0-9_]{0,31}");
    private static final Logger log = LoggerFactory.getLogger(Notifications.class);

    private final JdbcTemplate jdbc;
    private final Directory directory;

    public Notifications(JdbcTemplate jdbc, Directory directory) {
        this.jdbc = jdbc;
        this.directory = directory;
    }

    /**
     * One notification to a Camunda user, mailed to the user's e-mail address.
     *
     * @param kind      e.g. {@link #TASK_ASSIGNED}, {@link #REMINDER}, {@link #ESCALATION}, {@link #DECISION}
     * @param programId the programme it is about, or null
     * @return the id of the outbox row
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long toUser(String userId, String kind, Long programId, String subject, String body) {
        require(userId, "userId");
        Optional<Directory.Person> user = directory.person(userId);
        if (user.isEmpty()) {
            log.warn("Notification to unknown user '{}': kept in the outbox without an e-mail address", userId);
        }
        return insert(userId, user.map(Directory.Person::email).orElse(null), kind, programId, subject, body);
    }

    /**
     * One notification to each member of a Camunda group (e.g. a role such as {@code division-head}).
     *
     * @return the ids of the outbox rows, one per member (none for a group without members)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Long> toGroup(String groupId, String kind, Long programId, String subject, String body) {
        require(groupId, "groupId");
        List<Directory.Person> members = directory.membersOf(groupId);
        if (members.isEmpty()) {
            log.warn("Notification '{}' to group '{}', which has no members: nobody is notified", subject, groupId);
        }
        List<Long> ids = new ArrayList<>();
        for (Directory.Person member : members) {
            ids.add(insert(member.id(), member.email(), kind, programId, subject, body));
        }
        return ids;
    }

    /**
     * A message to an applicant: to the phone they registered with and, when they gave one, to their e-mail
     * address. The text may carry their reference, so it is never logged.
     */
    public record ApplicantMessage(long registrationId, String phone, String email, String kind, long programId,
                                   String text) {
    }

    /** What an e-mail to an applicant is about, by the kind of message; a phone message has no subject line. */
    private static final java.util.Map<String, String> APPLICANT_SUBJECTS = java.util.Map.of(
            "REGISTRATION_REGISTERED", "Pendaftaran Anda diterima",
            "REGISTRATION_WAITLISTED", "Anda masuk daftar tunggu",
            "REGISTRATION_APPLIED", "Lamaran Anda diterima",
            "SEAT_OFFERED", "Ada kursi untuk Anda: mohon dijawab",
            "SEAT_OFFER_REMINDER", "Pengingat: tawaran kursi segera berakhir",
            "PARTICIPANT_CONFIRMED", "Anda peserta pelatihan",
            "NOT_SELECTED", "Hasil seleksi pelatihan",
            "PROGRAM_CANCELLED", "Program pelatihan dibatalkan",
            "SCHEDULE_CHANGED", "Jadwal pelatihan berubah",
            "CERTIFICATE_READY", "Sertifikat Anda siap diunduh");

    /** A message to applicants in words ("Ada kursi untuk Anda: mohon dijawab"): its e-mail subject. */
    public static String applicantSubject(String kind) {
        return APPLICANT_SUBJECTS.getOrDefault(kind, "Kabar pendaftaran pelatihan");
    }

    /** Messages to applicants, written in the caller's transaction: a rolled-back change tells nobody. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void toApplicants(List<ApplicantMessage> messages) {
        for (ApplicantMessage message : messages) {
            if (!KIND.matcher(message.kind()).matches()) {
                throw new IllegalArgumentException("kind must be an upper-case code of at most 32 characters");
            }
        }
        jdbc.batchUpdate("""
                insert into notification (recipient_phone, registration_id, kind, subject, body, program_id)
                values (?, ?, ?, ?, ?, ?)""", messages, 500, (statement, message) -> {
            statement.setString(1, message.phone());
            statement.setLong(2, message.registrationId());
            statement.setString(3, message.kind());
            statement.setString(4, message.kind());
            statement.setString(5, message.text());
            statement.setLong(6, message.programId());
        });
        List<ApplicantMessage> byMail = messages.stream().filter(message -> StringUtils.hasText(message.email())).toList();
        jdbc.batchUpdate("""
                insert into notification (recipient_email, registration_id, kind, subject, body, program_id)
                values (?, ?, ?, ?, ?, ?)""", byMail, 500, (statement, message) -> {
            statement.setString(1, message.email().strip());
            statement.setLong(2, message.registrationId());
            statement.setString(3, message.kind());
            statement.setString(4, applicantSubject(message.kind()));
            statement.setString(5, message.text() + "\n\n-- \nPesan ini dikirim otomatis oleh sistem pendaftaran pelatihan;"
                    + " mohon tidak dibalas.");
            statement.setLong(6, message.programId());
        });
    }

    private long insert(String userId, String email, String kind, Long programId, String subject, String body) {
        require(kind, "kind");
        require(subject, "subject");
        require(body, "body");
        if (!KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("kind must be an upper-case code of at most 32 characters: " + kind);
        }
        String shortSubject = subject.length() <= MAX_SUBJECT ? subject : subject.substring(0, MAX_SUBJECT - 1) + "…";
        return jdbc.queryForObject("""
                insert into notification (recipient_user, recipient_email, kind, subject, body, program_id)
                values (?, ?, ?, ?, ?, ?) returning id""", Long.class,
                userId, StringUtils.hasText(email) ? email.trim() : null, kind, shortSubject, body, programId);
    }

    private static void require(String value, String name) {
        if (!StringUtils.hasText(value)) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
