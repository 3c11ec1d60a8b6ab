package id.bimtek.workflow;

import id.bimtek.shared.ProblemException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;

/** Small helpers to read a task form sent as JSON, with errors that name the field. */
public final class FormFields {

    private FormFields() {
    }

    public static void allowOnly(Map<String, Object> form, Set<String> allowed) {
        for (String field : form.keySet()) {
            if (!allowed.contains(field)) {
                throw ProblemException.invalid(field, "unknown field '" + field + "'; this task takes " + allowed);
            }
        }
    }

    public static String text(Map<String, Object> form, String field, int maxLength) {
        Object value = form.get(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            throw ProblemException.invalid(field, field + " must be text");
        }
        if (text.length() > maxLength) {
            throw ProblemException.invalid(field, field + " must be at most " + maxLength + " characters");
        }
        return text.isBlank() ? null : text.trim();
    }

    public static OffsetDateTime dateTime(Map<String, Object> form, String field) {
        String value = text(form, field, 64);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, field + " must be a date-time with offset, e.g. 2025-09-01T17:00:00+07:00");
        }
    }
}
