package id.bimtek.shared;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** Western Indonesian Time, in which deadlines, dates of batches and the auditors' times are read. */
public final class Wib {

    public static final ZoneId ZONE = ZoneId.of("Asia/Jakarta");

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm").withZone(ZONE);

    private Wib() {
    }

    /**
     * Now, by the engine's clock: the domain's date rules (a session recorded from its day on, a monitoring
     * round once due) read the time the engine's timers read, so moving the engine's clock moves both.
     */
    public static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    /** Now, by the engine's clock, as SQL that decides by time receives it (ADR 10). */
    public static Timestamp sqlNow() {
        return Timestamp.from(now());
    }

    /** Today's date in WIB, by the engine's clock. */
    public static LocalDate today() {
        return LocalDate.ofInstant(now(), ZONE);
    }

    /**
     * {@code 05-08-2025 14:00 WIB}: an instant in a sentence an Indonesian reads, day first, with digits only (no
     * month name, so it reads the same whatever language the machine speaks).
     */
    public static String toTheMinute(Instant at) {
        return MINUTE.format(at) + " WIB";
    }
}
