package id.bimtek.shared;

import java.time.Duration;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/** ISO-8601 durations with both a date and a time part (P3M, PT2M, P1DT12H), as BPMN timers take them. */
public final class IsoDurations {

    private IsoDurations() {
    }

    public static ZonedDateTime addTo(ZonedDateTime start, String isoDuration) {
        try {
            int time = isoDuration.indexOf('T');
            ZonedDateTime result = start;
            if (time != 1) {
                result = result.plus(Period.parse(time < 0 ? isoDuration : isoDuration.substring(0, time)));
            }
            if (time >= 0) {
                result = result.plus(Duration.parse("P" + isoDuration.substring(time)));
            }
            return result;
        } catch (java.time.DateTimeException | ArithmeticException | StringIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("not an ISO-8601 duration: " + isoDuration, e);
        }
    }

    /** A positive duration of at most ten years (follow-up beyond that is not a monitoring round). */
    public static boolean isValid(String isoDuration) {
        try {
            ZonedDateTime now = ZonedDateTime.now();
            ZonedDateTime then = addTo(now, isoDuration);
            return then.isAfter(now) && !then.isAfter(now.plusYears(10));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * A duration as people say it: {@code PT48H} is "48 jam", {@code P1DT12H} "1 hari 12 jam", {@code P3M} "3 bulan".
     * Hours are not turned into days: a setting of 48 hours reads as it was set. What is not a duration stays as given.
     */
    public static String inWords(String isoDuration) {
        if (isoDuration == null) {
            return "";
        }
        try {
            int time = isoDuration.indexOf('T');
            List<String> parts = new ArrayList<>();
            if (time != 1) {
                Period period = Period.parse(time < 0 ? isoDuration : isoDuration.substring(0, time));
                add(parts, period.getYears(), "tahun");
                add(parts, period.getMonths(), "bulan");
                add(parts, period.getDays(), "hari");
            }
            if (time >= 0) {
                Duration duration = Duration.parse("P" + isoDuration.substring(time));
                add(parts, duration.toHours(), "jam");
                add(parts, duration.toMinutesPart(), "menit");
                add(parts, duration.toSecondsPart(), "detik");
            }
            return parts.isEmpty() ? isoDuration : String.join(" ", parts);
        } catch (java.time.DateTimeException | StringIndexOutOfBoundsException notADuration) {
            return isoDuration;
        }
    }

    private static void add(List<String> parts, long amount, String unit) {
        if (amount != 0) {
            parts.add(amount + " " + unit);
        }
    }
}
