package id.bimtek.shared;

import java.time.Duration;
import java.time.Period;
import java.time.ZonedDateTime;

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
}
