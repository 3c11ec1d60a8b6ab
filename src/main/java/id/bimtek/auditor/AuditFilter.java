package id.bimtek.auditor;

import id.bimtek.audit.AuditTrail;
import id.bimtek.shared.Wib;
import id.bimtek.shared.ProblemException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * The auditors' filters of a timeline: stage, user (actor or on-behalf-of), and a time window
 * [from, to). {@code from}/{@code to} are ISO instants ({@code 2025-08-01T00:00:00Z}), offset date-times,
 * local date-times or dates in WIB; a date {@code to} includes that whole day.
 */
public record AuditFilter(AuditTrail.Stage stage, String user, Instant from, Instant to) {

    /** Western Indonesian Time: the zone the pages and documents show times in. */
    public static final ZoneId WIB = Wib.ZONE;

    public static AuditFilter of(AuditTrail.Stage stage, String user, String from, String to) {
        return new AuditFilter(stage, blankToNull(user), bound("from", from, false), bound("to", to, true));
    }

    public boolean matches(AuditTrail.Record record) {
        return (stage == null || record.stage() == stage)
                && (user == null || user.equals(record.actor()) || user.equals(record.onBehalfOf()))
                && (from == null || !record.recordedAt().isBefore(from))
                && (to == null || record.recordedAt().isBefore(to));
    }

    public List<AuditTrail.Record> apply(List<AuditTrail.Record> records) {
        return records.stream().filter(this::matches).toList();
    }

    public boolean isEmpty() {
        return stage == null && user == null && from == null && to == null;
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private static Instant bound(String field, String text, boolean end) {
        text = blankToNull(text);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeException notInstant) {
            // next form
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException notOffset) {
            // next form
        }
        try {
            return LocalDateTime.parse(text).atZone(WIB).toInstant();
        } catch (DateTimeException notLocal) {
            // next form
        }
        try {
            LocalDate date = LocalDate.parse(text);
            return (end ? date.plusDays(1) : date).atStartOfDay(WIB).toInstant();
        } catch (DateTimeException notDate) {
            throw ProblemException.invalid(field, "must be an ISO-8601 instant (2025-08-01T00:00:00Z) or date (2025-08-01)");
        }
    }
}
