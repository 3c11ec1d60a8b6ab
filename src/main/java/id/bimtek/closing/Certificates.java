package id.bimtek.closing;

import id.bimtek.audit.AuditTrail;
import id.bimtek.shared.ProblemException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The graduates' certificates: what each says, where anyone verifies it ({@link #verificationUrl}), and their
 * withdrawal, which the verification page shows from then on.
 */
@Service
public class Certificates {

    /** What a certificate says, and whether it still stands. */
    public record Certificate(String number, long registrationId, long programId, long batchId, String name,
                              String businessName, String programTitle, String programCode, String agency,
                              String batch, List<String> tracks, LocalDate start, LocalDate end, BigDecimal hours,
                              BigDecimal plannedHours, Instant issuedAt, Instant withdrawnAt, String withdrawnReason) {

        public boolean withdrawn() {
            return withdrawnAt != null;
        }

        /** "Siti Aminah" becomes "Si** Am****": enough to recognise, not enough to harvest. */
        public String maskedName() {
            StringBuilder masked = new StringBuilder();
            for (String word : name.trim().split("\\s+")) {
                masked.append(masked.isEmpty() ? "" : " ").append(word, 0, Math.min(2, word.length()))
                        .append("*".repeat(Math.max(0, word.length() - 2)));
            }
            return masked.toString();
        }
    }

    private static final String SELECT = """
            select c.number, c.registration_id, c.program_id, r.batch_id, r.name, r.business_name, p.title, p.code,
                   p.agency, b.name as batch, b.tracks, b.start_date, b.end_date, r.attended_hours,
                   (select sum(extract(epoch from s.end_time - s.start_time) / 3600) from batch_session s
                     where s.batch_id = b.id) as planned_hours,
                   c.issued_at, c.withdrawn_at, c.withdrawn_reason
              from certificate c join registration r on r.id = c.registration_id
              join program p on p.id = c.program_id join batch b on b.id = r.batch_id
            """;

    private final JdbcTemplate jdbc;
    private final AuditTrail audit;
    private final String publicUrl;

    Certificates(JdbcTemplate jdbc, AuditTrail audit, @Value("${lifecycle.public-url:http://localhost:8080}") String publicUrl) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    @Transactional(readOnly = true)
    public Optional<Certificate> find(String number) {
        return jdbc.query(SELECT + " where c.number = ?", Certificates::certificate, number).stream().findFirst();
    }

    @Transactional(readOnly = true)
    public Optional<Certificate> ofRegistration(long registrationId) {
        return jdbc.query(SELECT + " where c.registration_id = ?", Certificates::certificate, registrationId).stream()
                .findFirst();
    }

    /** The certificates of a batch, in their numbers' order. */
    @Transactional(readOnly = true)
    public List<Certificate> ofBatch(long programId, long batchId) {
        return jdbc.query(SELECT + " where c.program_id = ? and r.batch_id = ? order by c.number", Certificates::certificate,
                programId, batchId);
    }

    /** Withdraws a certificate with its reason; the verification page says so from then on. */
    @Transactional
    public Certificate withdraw(String number, String reason, String actor) {
        Certificate certificate = find(number).orElseThrow(() -> ProblemException.notFound("certificate " + number));
        if (certificate.withdrawn()) {
            throw ProblemException.conflict("number", "certificate " + number + " was already withdrawn");
        }
        jdbc.update("update certificate set withdrawn_at = now(), withdrawn_by = ?, withdrawn_reason = ? where number = ?",
                actor, reason.strip(), number);
        audit.append(certificate.programId(), AuditTrail.Stage.CLOSING.entry("CERTIFICATE_WITHDRAWN", actor)
                .on("pendaftaran #" + certificate.registrationId() + " " + number)
                .saying(reason.strip())
                .changing(null, Map.of("number", number, "registrationId", certificate.registrationId())));
        return find(number).orElseThrow();
    }

    /** Where the QR code leads: the public page that says whether the certificate is genuine. */
    public String verificationUrl(String number) {
        return publicUrl + "/sertifikat/" + number;
    }

    private static Certificate certificate(ResultSet rs, int row) throws SQLException {
        return new Certificate(rs.getString("number"), rs.getLong("registration_id"), rs.getLong("program_id"),
                rs.getLong("batch_id"), rs.getString("name"), rs.getString("business_name"), rs.getString("title"),
                rs.getString("code"), rs.getString("agency"), rs.getString("batch"),
                List.of(rs.getString("tracks").split(",")), rs.getObject("start_date", LocalDate.class),
                rs.getObject("end_date", LocalDate.class), rs.getBigDecimal("attended_hours"),
                rs.getBigDecimal("planned_hours"), rs.getTimestamp("issued_at").toInstant(),
                rs.getTimestamp("withdrawn_at") == null ? null : rs.getTimestamp("withdrawn_at").toInstant(),
                rs.getString("withdrawn_reason"));
    }
}
