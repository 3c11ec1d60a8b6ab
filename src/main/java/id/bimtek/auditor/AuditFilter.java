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
 * local date-times or dates in WIB; a date {@code to} includes that whole day. {@code kind} keeps one kind of
 * record; without {@code engineSteps} the engine's own steps (an activity starting or ending: gateways, service
 * steps, timers) are left out, as the pages show them unless asked.
 */
public record AuditFilter(AuditTrail.Stage stage, String user, String kind, Instant from, Instant to, boolean engineSteps) {

    /** What the engine does between people's steps: listed only when asked for. */
    static final java.util.Set<String> ENGINE_STEPS = java.util.Set.of("ACTIVITY_STARTED", "ACTIVITY_ENDED");

    /** Western Indonesian Time: the zone the pages and documents show times in. */
    public static final ZoneId WIB = Wib.ZONE;

    /** Every kind of record, the engine's steps included: the complete trail, as the API gives it by default. */
    public static AuditFilter of(AuditTrail.Stage stage, String user, String from, String to) {
        return of(stage, user, null, from, to, true);
    }

    public static AuditFilter of(AuditTrail.Stage stage, String user, String kind, String from, String to,
                                 boolean engineSteps) {
        return new AuditFilter(stage, blankToNull(user), blankToNull(kind), bound("from", from, false),
                bound("to", to, true), engineSteps);
    }

    AuditFilter withEngineSteps() {
        return new AuditFilter(stage, user, kind, from, to, true);
    }

    static boolean isEngineStep(AuditTrail.Record record) {
        return ENGINE_STEPS.contains(record.kind());
    }

    public boolean matches(AuditTrail.Record record) {
        return (stage == null || record.stage() == stage)
                && (user == null || user.equals(record.actor()) || user.equals(record.onBehalfOf()))
                && (kind == null || kind.equals(record.kind()))
                && (engineSteps || kind != null || !isEngineStep(record))
                && (from == null || !record.recordedAt().isBefore(from))
                && (to == null || record.recordedAt().isBefore(to));
    }

    public List<AuditTrail.Record> apply(List<AuditTrail.Record> records) {
        return records.stream().filter(this::matches).toList();
    }

    public boolean isEmpty() {
        return stage == null && user == null && kind == null && from == null && to == null;
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
